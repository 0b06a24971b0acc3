defprotocol BeamjsEx.Shape do
  @doc "area"
  def area(s)
  @fallback_to_any true
  def name(s)
end

defmodule BeamjsEx.Protocols.Macros do
  defmacro twice(e), do: quote(do: unquote(e) * 2)
  defmacro unless2(c, do: b), do: quote(do: if(!unquote(c), do: unquote(b)))
end

defmodule BeamjsEx.Protocols do
  alias BeamjsEx.Protocols.Macros
  defmodule Sq do
    defstruct side: 1
  end

  defmodule Circ do
    defstruct r: 1
  end

  defmodule Bag do
    defstruct items: []
    defimpl Enumerable do
      def count(%{items: i}), do: {:ok, length(i)}
      def member?(%{items: i}, x), do: {:ok, x in i}
      def slice(_), do: {:error, __MODULE__}
      def reduce(%{items: i}, acc, f), do: Enumerable.List.reduce(i, acc, f)
    end
    defimpl Collectable do
      def into(bag), do: {bag, fn
        b, {:cont, x} -> %{b | items: [x | b.items]}
        b, :done -> b
        _, :halt -> :ok
      end}
    end
    defimpl String.Chars do
      def to_string(b), do: "Bag(#{Enum.join(b.items, ",")})"
    end
    defimpl Inspect do
      import Inspect.Algebra
      def inspect(b, opts), do: concat(["#Bag<", to_doc(b.items, opts), ">"])
    end
  end

  defimpl BeamjsEx.Shape, for: Sq do
    def area(%{side: s}), do: s * s
    def name(_), do: "square"
  end

  defimpl BeamjsEx.Shape, for: Circ do
    def area(%{r: r}), do: Float.round(:math.pi() * r * r, 3)
    def name(_), do: "circle"
  end

  defimpl BeamjsEx.Shape, for: Any do
    def area(_), do: 0
    def name(_), do: "unknown"
  end

  defmodule Behav do
    @callback go(integer) :: integer
  end

  defmodule Impl do
    @behaviour Behav
    @impl true
    def go(x), do: x * 2
  end

  require Macros

  def main do
    shapes = [%Sq{side: 3}, %Circ{r: 2}]
    for s <- shapes, do: IO.puts("#{BeamjsEx.Shape.name(s)}: #{BeamjsEx.Shape.area(s)}")
    IO.inspect(BeamjsEx.Shape.name(:other))
    bag = %Bag{items: [1, 2, 3]}
    IO.inspect(Enum.map(bag, &(&1 * 10)))
    IO.inspect(Enum.count(bag))
    IO.inspect(4 in bag)
    IO.inspect(Enum.into([7, 8], %Bag{}))
    IO.puts("#{bag}")
    IO.inspect(bag)
    IO.inspect(Impl.go(21))
    IO.inspect(Macros.twice(21))
    Macros.unless2 false do
      IO.puts("unless2 ran")
    end
    IO.inspect(Macro.to_string(quote(do: 1 + foo(2))))
    IO.inspect(Enumerable.impl_for([]))
    IO.inspect(String.Chars.to_string(12.5))
    IO.inspect(Inspect.inspect(%{a: 1}, %Inspect.Opts{}) |> Inspect.Algebra.format(80) |> IO.iodata_to_binary())
    IO.inspect(__MODULE__.__info__(:functions))
    IO.inspect(function_exported?(Impl, :go, 1))
    f = &Impl.go/1
    IO.inspect(f.(5))
    IO.inspect(Function.info(f, :arity))
    add = fn a, b -> a + b end
    inc = fn x -> add.(x, 1) end
    IO.inspect(Enum.map([1, 2], inc))
    IO.inspect(apply(Kernel, :+, [1, 2]))
    IO.inspect(Kernel.then(5, &(&1 + 1)))
    IO.inspect(5 |> tap(&IO.inspect(&1, label: "tap")))
  end
end
