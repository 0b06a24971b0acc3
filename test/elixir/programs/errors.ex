defmodule BeamjsEx.Errors do
  defmodule MyError do
    defexception [:code, message: "my error"]
  end

  defmodule Parse do
    defexception [:input]
    @impl true
    def message(e), do: "cannot parse #{inspect(e.input)}"
  end

  def risky(:raise), do: raise("plain runtime error")
  def risky(:arg), do: raise(ArgumentError, "bad arg")
  def risky(:custom), do: raise(MyError, code: 42)
  def risky(:parse), do: raise(Parse, input: "x!")
  def risky(:throw), do: throw(:thrown)
  def risky(:exit), do: exit(:bye)
  def risky(:badmatch), do: ({:ok, _} = Function.identity({:error, 1}))
  def risky(:arith), do: 1 / Function.identity(0)
  def risky(:fclause), do: clause(Function.identity(3))
  def risky(:key), do: Map.fetch!(Function.identity(%{a: 1}), :b)
  def risky(:undef), do: apply(String, :no_such_fun, [])
  def risky(:case), do: (case Function.identity(5) do 1 -> :one end)
  def risky(:cond), do: (cond do Function.identity(false) -> 1 end)
  def risky(:badarg), do: :erlang.binary_to_atom(Function.identity(1))
  def risky(:with), do: (with {:ok, x} <- Function.identity({:error, :nope}) do x else {:error, r} -> raise "with failed: #{r}" end)
  def risky(:enum), do: Enum.fetch!([1, 2], 5)
  def risky(:protocol), do: Enum.map(Function.identity(:not_enum), & &1)
  def risky(:str), do: String.to_integer(Function.identity("12x"))
  def risky(:erlang_error), do: :erlang.error({:custom, :term})
  def risky(:badfun), do: Function.identity(:not_a_fun).(1)
  def risky(:arity), do: Function.identity(fn x -> x end).(1, 2)
  def risky(:keyword), do: Keyword.fetch!([a: 1], :z)
  def risky(:struct), do: struct!(URI, nope: 1)

  defp clause(1), do: :one

  def main do
    for k <- [:raise, :arg, :custom, :parse, :throw, :exit, :badmatch, :arith, :fclause, :key, :undef,
              :case, :cond, :badarg, :with, :enum, :protocol, :str, :erlang_error, :badfun, :arity,
              :keyword, :struct] do
      try do
        risky(k)
      rescue
        e -> IO.puts("#{k}: rescued #{inspect(e.__struct__)}: #{Exception.message(e)}")
      catch
        kind, v -> IO.puts("#{k}: caught #{kind} #{inspect(v)}")
      end
    end
    r =
      try do
        :ok
      else
        :ok -> :else_ran
      after
        IO.puts("after ran")
      end
    IO.inspect(r)
    try do
      raise "in try"
    rescue
      e in RuntimeError ->
        IO.puts(Exception.format(:error, e, []))
    end
    IO.puts(Exception.format_exit(:normal))
    IO.puts(Exception.format_exit({:shutdown, 1}))
    IO.inspect(Exception.normalize(:error, :badarg, []))
    IO.inspect(Exception.normalize(:error, {:badkey, :k, %{}}, []))
    e = try do :erlang.list_to_atom(Function.identity(:x)) catch :error, e -> e end
    IO.inspect(e)
    IO.inspect(Exception.message(Exception.normalize(:error, e, [])))
    {:ok, v} = Function.identity({:ok, 5})
    IO.inspect(v)
    IO.inspect(try do throw({:a, 1}) catch x -> {:caught, x} end)
    IO.inspect(try do exit(:x) catch :exit, x -> {:exit, x} end)
    res = Task.async(fn -> Process.flag(:trap_exit, false); :done end) |> Task.await()
    IO.inspect(res)
    pid = spawn(fn -> raise "process dies" end)
    ref = Process.monitor(pid)
    receive do
      {:DOWN, ^ref, :process, ^pid, {%RuntimeError{message: m}, [_ | _]}} -> IO.puts("DOWN with #{m}")
    end
    :ok
  end

end
