defmodule BeamjsEx.Binaries do
  def parse(<<len::16, payload::binary-size(len), rest::binary>>), do: {payload, rest}

  def varint(n) when n < 128, do: <<n>>
  def varint(n), do: <<1::1, Bitwise.band(n, 127)::7, varint(Bitwise.bsr(n, 7))::binary>>

  def main do
    b = <<5::16, "hello", "rest">>
    IO.inspect(parse(b))
    IO.inspect(varint(300))
    IO.inspect(<<1.5::float-32, 2::little-32, -1::signed-8>>)
    <<a::4, c::4, rest::bits>> = <<0xAB, 0xCD>>
    IO.inspect({a, c, rest})
    IO.inspect(for <<x::8 <- <<1, 2, 3>> >>, do: x * 2)
    IO.inspect(<<"é"::utf8, 0x1F600::utf8>>)
    IO.inspect(<<"ab"::utf16>>)
    <<cp::utf8, _::binary>> = "€uro"
    IO.inspect(cp)
    IO.inspect(:erlang.term_to_binary({:a, [1, 2], "x"}))
    IO.inspect(:erlang.binary_to_term(:erlang.term_to_binary(%{k: [1.5, :a]})))
    IO.inspect(:crypto.hash(:sha256, "abc") |> Base.encode16(case: :lower))
    IO.inspect(:erlang.md5("abc"))
    IO.inspect(:binary.part("hello world", 6, 5))
    IO.inspect(:binary.match("hello world", "wor"))
    IO.inspect(byte_size(:binary.copy("ab", 1000)))
    IO.inspect(bit_size(<<1::3>>))
    IO.inspect(IO.iodata_to_binary(["a", [?b, "c"], ?d]))
    IO.inspect(IO.iodata_length(["ab", [?c]]))
    IO.inspect(:zlib.gunzip(:zlib.gzip("compress me please")))
    IO.inspect(String.to_charlist("héllo"))
    IO.inspect(List.to_string([104, 233, "llo"]))
    IO.inspect(:unicode.characters_to_binary("日本", :utf8, {:utf16, :big}))
    IO.inspect(Integer.to_string(:binary.decode_unsigned(<<1, 0, 0, 0, 0, 0, 0, 0, 0>>)))
    IO.inspect(:binary.encode_unsigned(256))
    IO.inspect(<<0::size(3), 1::size(5)>> == <<1>>)
    IO.inspect(binary_part("abcdef", 1, 3))
  end
end
