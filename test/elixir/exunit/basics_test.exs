defmodule BeamjsEx.BasicsTest do
  use ExUnit.Case, async: true

  test "arithmetic and bignums" do
    assert 1 + 1 == 2
    assert Integer.pow(2, 100) == 1_267_650_600_228_229_401_496_703_205_376
    refute 0.1 + 0.2 == 0.3
  end

  test "raises" do
    assert_raise ArgumentError, fn -> String.to_integer(Function.identity("x")) end
    assert_raise KeyError, ~r/key :b not found/, fn -> Map.fetch!(%{a: 1}, Function.identity(:b)) end
    assert catch_throw(throw(:t)) == :t
    assert catch_exit(exit(:e)) == :e
  end

  test "messages" do
    send(self(), {:ping, 1})
    assert_receive {:ping, n} when n > 0
    refute_received :nothing
    pid = spawn(fn -> receive do {:ask, from} -> send(from, :answer) end end)
    send(pid, {:ask, self()})
    assert_receive :answer, 500
  end

  test "pattern assertions" do
    assert {:ok, %{id: id}} = {:ok, %{id: 7, extra: true}}
    assert id == 7
    assert match?([_ | _], [1])
    assert_in_delta 1.0, 1.05, 0.1
  end

  @tag :skip
  test "skipped" do
    flunk("never runs")
  end

  test "fails with a diff" do
    assert [1, 2, 3] == [1, 2, 4]
  end

  test "fails with a message" do
    assert false, "custom failure message"
  end

  test "raises inside" do
    Map.fetch!(%{}, Function.identity(:missing))
  end
end
