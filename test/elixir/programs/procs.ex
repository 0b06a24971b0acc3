defmodule BeamjsEx.Procs do
  defmodule Counter do
    use GenServer
    def start_link(n), do: GenServer.start_link(__MODULE__, n, name: __MODULE__)
    def inc, do: GenServer.cast(__MODULE__, :inc)
    def get, do: GenServer.call(__MODULE__, :get)
    @impl true
    def init(n), do: {:ok, n}
    @impl true
    def handle_cast(:inc, n), do: {:noreply, n + 1}
    @impl true
    def handle_call(:get, _from, n), do: {:reply, n, n}
    @impl true
    def handle_info({:add, k}, n), do: {:noreply, n + k}
  end

  defmodule Stack do
    use Agent
    def start_link(_), do: Agent.start_link(fn -> [] end, name: __MODULE__)
    def push(x), do: Agent.update(__MODULE__, &[x | &1])
    def all, do: Agent.get(__MODULE__, & &1)
  end

  def main do
    {:ok, sup} = Supervisor.start_link([{Counter, 10}, Stack], strategy: :one_for_one)
    Enum.each(1..5, fn _ -> Counter.inc() end)
    send(Counter, {:add, 100})
    IO.inspect(Counter.get())
    Enum.each(~w(a b c), &Stack.push/1)
    IO.inspect(Stack.all())
    IO.inspect(Supervisor.count_children(sup))
    IO.inspect(Supervisor.which_children(sup) |> Enum.map(fn {id, _, type, mods} -> {id, type, mods} end))
    old = Process.whereis(Counter)
    Process.exit(old, :kill)
    Process.sleep(50)
    new = Process.whereis(Counter)
    IO.inspect({is_pid(new), new != old, Counter.get()})
    results = Task.async_stream(1..8, fn i -> i * i end, max_concurrency: 3) |> Enum.map(fn {:ok, v} -> v end)
    IO.inspect(results)
    t = Task.async(fn -> Process.sleep(10); :slow end)
    IO.inspect(Task.yield(t, 1000))
    parent = self()
    pids = for i <- 1..50, do: spawn(fn -> send(parent, {:sq, i, i * i}) end)
    IO.inspect(length(pids))
    sum = Enum.reduce(1..50, 0, fn _, acc -> receive do {:sq, _, v} -> acc + v end end)
    IO.inspect(sum)
    send(self(), :b)
    send(self(), :a)
    receive do :a -> IO.puts("got a first (selective)") end
    receive do :b -> IO.puts("then b") end
    r = receive do :never -> :no after 20 -> :timeout end
    IO.inspect(r)
    Process.flag(:trap_exit, true)
    p = spawn_link(fn -> exit(:boom) end)
    receive do {:EXIT, ^p, why} -> IO.inspect({:exit, why}) end
    Process.put(:k, 1)
    IO.inspect(Process.get(:k))
    {:ok, reg} = Registry.start_link(keys: :unique, name: BeamjsEx.Reg)
    {:ok, _} = Registry.register(BeamjsEx.Reg, "key", :val)
    IO.inspect(Registry.lookup(BeamjsEx.Reg, "key") |> Enum.map(fn {_, v} -> v end))
    IO.inspect(is_pid(reg))
    tab = :ets.new(:t, [:set, :public])
    :ets.insert(tab, [{1, :one}, {2, :two}])
    IO.inspect(:ets.lookup(tab, 2))
    IO.inspect(:ets.tab2list(tab) |> Enum.sort())
    ref = make_ref()
    IO.inspect(is_reference(ref))
    Process.send_after(self(), :later, 10)
    receive do :later -> IO.puts("timer fired") end
    IO.inspect(Stream.repeatedly(fn -> :x end) |> Enum.take(3))
    :ok = Supervisor.stop(sup)
    IO.puts("done")
  end
end
