defmodule BeamjsEx.OtpInterop do
  defmodule Light do
    @behaviour :gen_statem
    def start_link, do: :gen_statem.start_link(__MODULE__, :off, [])
    def callback_mode, do: :state_functions
    def init(s), do: {:ok, s, 0}
    def off({:call, from}, :flip, n), do: {:next_state, :on, n + 1, [{:reply, from, :now_on}]}
    def off(_, _, n), do: {:keep_state, n}
    def on({:call, from}, :flip, n), do: {:next_state, :off, n + 1, [{:reply, from, :now_off}]}
    def on(_, _, n), do: {:keep_state, n}
  end

  defmodule Deferred do
    use GenServer
    def init(_), do: {:ok, nil}
    def handle_call(:slow, from, _), do: (Process.send_after(self(), {:answer, from}, 10); {:noreply, from})
    def handle_info({:answer, from}, s), do: (GenServer.reply(from, :late_answer); {:noreply, s})
  end

  def main do
    {:ok, l} = Light.start_link()
    IO.inspect(for _ <- 1..3, do: :gen_statem.call(l, :flip))
    IO.inspect(:sys.get_state(l))
    {:ok, d} = GenServer.start_link(Deferred, nil)
    IO.inspect(GenServer.call(d, :slow))
    {:ok, ds} = DynamicSupervisor.start_link(strategy: :one_for_one)
    {:ok, a1} = DynamicSupervisor.start_child(ds, {Agent, fn -> 1 end})
    {:ok, _} = DynamicSupervisor.start_child(ds, {Agent, fn -> 2 end})
    IO.inspect(DynamicSupervisor.count_children(ds))
    :ok = DynamicSupervisor.terminate_child(ds, a1)
    IO.inspect(DynamicSupervisor.count_children(ds).active)
    q = :queue.from_list([1, 2, 3]) |> then(&:queue.in(4, &1))
    IO.inspect(:queue.to_list(q))
    :persistent_term.put({__MODULE__, :k}, [1, 2])
    IO.inspect(:persistent_term.get({__MODULE__, :k}))
    c = :counters.new(2, [])
    :counters.add(c, 1, 5)
    IO.inspect(:counters.get(c, 1))
    IO.inspect(Calendar.strftime(~U[2024-03-05 14:07:09Z], "%Y/%m/%d %H:%M:%S %a %b %j"))
    IO.inspect(DateTime.to_iso8601(DateTime.add(~U[2024-02-28 23:00:00Z], 3600 * 25, :second)))
    IO.inspect(Integer.to_string(123_456_789, 36))
    :rand.seed(:exsss, {1, 2, 3})
    IO.inspect(Enum.shuffle(1..10))
    IO.inspect(Enum.take_random(1..100, 3))
    {:ok, tokens, _} = :erl_scan.string('X = 6 * 7, X + 1.')
    {:ok, exprs} = :erl_parse.parse_exprs(tokens)
    IO.inspect(:erl_eval.exprs(exprs, :erl_eval.new_bindings()) |> elem(1))
    g = :digraph.new()
    for v <- [:a, :b, :c], do: :digraph.add_vertex(g, v)
    :digraph.add_edge(g, :a, :b)
    :digraph.add_edge(g, :b, :c)
    IO.inspect(:digraph.get_path(g, :a, :c))
    IO.inspect(:digraph_utils.topsort(g))
    IO.inspect(:uri_string.parse("http://h.example:81/p?q=1"))
    IO.inspect(:uri_string.normalize("HTTP://Example.COM/a/../b"))
    IO.inspect(:unicode.characters_to_nfc_binary("e\u0301"))
    IO.inspect(:string.lexemes("a  b,c", ' ,'))
    IO.inspect(:lists.sort(fn a, b -> a > b end, [3, 1, 2]))
    IO.inspect(:binary.matches("abcabc", "bc"))
    IO.inspect(:io_lib.format("~ts ~w", ["日本", :x]) |> IO.chardata_to_string())
    IO.inspect(:maps.fold(fn k, v, acc -> acc + k * v end, 0, %{1 => 2, 3 => 4}))
    IO.inspect(:proplists.get_value(:b, [a: 1, b: 2]))
    IO.inspect(:sets.to_list(:sets.from_list([3, 1, 3])) |> Enum.sort())
    IO.inspect(:gb_trees.to_list(:gb_trees.from_orddict([{1, :a}, {2, :b}])))
    IO.inspect(:array.to_list(:array.from_list([1, 2, 3])))
    IO.inspect(:erlang.phash2({:a, "b", [1]}))
    IO.inspect(:erlang.crc32("hello"))
    IO.inspect(:erlang.adler32("hello"))
    ref = make_ref()
    send(self(), {ref, :tagged})
    receive do {^ref, m} -> IO.inspect(m) after 100 -> IO.puts("none") end
    IO.inspect(:sofs.to_external(:sofs.union(:sofs.set([1, 2]), :sofs.set([2, 3]))))
  end
end
