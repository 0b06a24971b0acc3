/**
 * `beamjs mix` and `beamjs elixir` against the installed `mix` and `elixir`:
 * a small Mix project (a module with a doctest, a GenServer, passing and
 * failing tests) is compiled and tested by Mix itself running on beamjs, and
 * the output and exit status must be the ones the real commands give. Each
 * side works on its own copy of the project (Mix writes _build).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/ref-server.js';

const bin = join(repoRoot, 'dist', 'cli', 'index.js');
const work = mkdtempSync(join(tmpdir(), 'beamjs-mix-'));

const FILES: Record<string, string> = {
  'mix.exs': `defmodule Shop.MixProject do
  use Mix.Project
  def project, do: [app: :shop, version: "0.1.0", elixir: "~> 1.14", deps: []]
  def application, do: [extra_applications: [:logger]]
end
`,
  'lib/shop.ex': `defmodule Shop do
  @moduledoc "A tiny shop."

  @doc """
  The total of a basket.

      iex> Shop.total([{:apple, 2, 30}, {:pear, 1, 45}])
      105
  """
  def total(items), do: items |> Enum.map(fn {_, n, price} -> n * price end) |> Enum.sum()
end
`,
  'lib/shop/stock.ex': `defmodule Shop.Stock do
  use GenServer
  def start_link(items), do: GenServer.start_link(__MODULE__, Map.new(items))
  def take(pid, item), do: GenServer.call(pid, {:take, item})
  @impl true
  def init(stock), do: {:ok, stock}
  @impl true
  def handle_call({:take, item}, _from, stock) do
    case Map.get(stock, item, 0) do
      0 -> {:reply, {:error, :sold_out}, stock}
      n -> {:reply, :ok, Map.put(stock, item, n - 1)}
    end
  end
end
`,
  'test/test_helper.exs': 'ExUnit.start()\n',
  'test/shop_test.exs': `defmodule ShopTest do
  use ExUnit.Case
  doctest Shop

  test "stock runs out" do
    {:ok, pid} = Shop.Stock.start_link(apple: 1)
    assert Shop.Stock.take(pid, :apple) == :ok
    assert Shop.Stock.take(pid, :apple) == {:error, :sold_out}
  end

  test "a wrong total" do
    assert Shop.total([{:apple, 1, 30}]) == 31
  end
end
`,
};

function project(name: string): string {
  const dir = join(work, name);
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

interface Ran {
  out: string;
  status: number | null;
}

function ran(cmd: string, args: string[], cwd: string): Ran {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: 300_000, env: { ...process.env, MIX_ENV: 'test' } });
  // ExUnit's timing line is the one thing that differs.
  const out = (r.stdout + r.stderr).replace(/^Finished in .*$/m, 'Finished in N seconds');
  return { out, status: r.status };
}

describe('beamjs mix and beamjs elixir', () => {
  it('mix test: compiles the project and runs its doctest and tests as mix does', () => {
    const want = ran('mix', ['test', '--seed', '0'], project('on_mix'));
    const got = ran(process.execPath, [bin, 'mix', 'test', '--seed', '0'], project('on_beamjs'));
    expect(want.status).toBe(2);
    expect(want.out).toContain('1 doctest, 2 tests, 1 failure');
    expect(got).toEqual(want);
  }, 300_000);

  it('mix run -e and elixir -e: output and exit status as the real commands', () => {
    const code = 'IO.puts(Shop.total([{:a, 3, 7}]))';
    const wantRun = ran('mix', ['run', '-e', code], project('run_mix'));
    expect(wantRun.out).toMatch(/\n21\n$/);
    expect(ran(process.execPath, [bin, 'mix', 'run', '-e', code], project('run_beamjs'))).toEqual(wantRun);
    const expr = 'IO.inspect(Enum.frequencies(~w(a b a))); System.halt(3)';
    const want = ran('elixir', ['-e', expr], work);
    expect(want).toEqual({ out: '%{"a" => 2, "b" => 1}\n', status: 3 });
    expect(ran(process.execPath, [bin, 'elixir', '-e', expr], work)).toEqual(want);
  }, 300_000);
});
