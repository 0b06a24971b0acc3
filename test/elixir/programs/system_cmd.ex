defmodule BeamjsEx.SystemCmd do
  @moduledoc "System.cmd, System.shell, Port.open and :os.cmd (ports running programs)."
  def main do
    IO.inspect(System.cmd("echo", ["hi", "there"]))
    IO.inspect(System.cmd("sh", ["-c", "echo err >&2; exit 4"], stderr_to_stdout: true))
    IO.inspect(System.cmd("pwd", [], cd: "/tmp"))
    IO.inspect(System.cmd("sh", ["-c", "echo $FOO"], env: [{"FOO", "bar"}]))
    IO.inspect(System.shell("echo shell; exit 2"))
    IO.inspect(:os.cmd('echo oscmd'))
    port = Port.open({:spawn, "cat"}, [:binary])
    send(port, {self(), {:command, "ping"}})
    receive do {^port, {:data, d}} -> IO.inspect(d) end
    Port.close(port)
    IO.inspect(try do System.cmd("nonexistent_cmd_xyz", []) rescue e -> Exception.message(e) end)
  end
end
