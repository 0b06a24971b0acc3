{application, otp_demo_app,
 [{description, "beamjs scenario application"},
  {vsn, "1.0.0"},
  {modules, [otp_application]},
  {registered, [otp_demo_sup]},
  {applications, [kernel, stdlib]},
  {mod, {otp_application, []}},
  {env, [{greeting, "hello"}, {workers, 2}]}]}.
