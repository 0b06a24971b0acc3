defmodule BeamjsEx.ExunitSuite do
  # Runs the ExUnit files of test/elixir/exunit (compiled at run time by
  # Elixir's compiler, as `mix test` does) with a fixed seed and no colours.
  def main do
    dir = System.get_env("BEAMJS_EXUNIT_DIR") || "test/elixir/exunit"
    ExUnit.start(autorun: false, seed: 0, colors: [enabled: false], exclude: [:skip])
    for file <- Enum.sort(Path.wildcard(Path.join(dir, "*_test.exs"))), do: Code.require_file(file)
    IO.inspect(ExUnit.run())
  end
end
