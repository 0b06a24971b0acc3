defmodule BeamjsEx.ContextTest do
  use ExUnit.Case
  import ExUnit.CaptureIO
  import ExUnit.CaptureLog
  require Logger

  setup_all do
    {:ok, shared: :from_setup_all}
  end

  setup context do
    {:ok, name: context.test, doubled: (context[:n] || 1) * 2}
  end

  test "context", %{shared: shared, doubled: d} do
    assert shared == :from_setup_all
    assert d == 2
  end

  @tag n: 21
  test "tag feeds setup", %{doubled: d} do
    assert d == 42
  end

  describe "nested" do
    setup do
      %{extra: [1, 2]}
    end

    test "has both", ctx do
      assert ctx.extra == [1, 2]
      assert ctx.shared == :from_setup_all
      assert to_string(ctx.name) =~ "has both"
    end
  end

  test "capture_io" do
    out = capture_io(fn -> IO.puts("hello"); IO.write("x") end)
    assert out == "hello\nx"
    assert capture_io("typed input\n", fn -> IO.write(IO.gets("> ")) end) == "> typed input\n"
  end

  test "capture_log" do
    log = capture_log(fn -> Logger.error("something bad") end)
    assert log =~ "something bad"
  end

  test "on_exit runs" do
    parent = self()
    on_exit(fn -> send(parent, :cleaned) end)
    assert true
  end

  test "a GenServer under the test supervisor" do
    pid = start_supervised!({Agent, fn -> 41 end})
    Agent.update(pid, &(&1 + 1))
    assert Agent.get(pid, & &1) == 42
  end
end
