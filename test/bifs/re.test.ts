/**
 * re:run / re:compile / re:replace / re:split on beamjs against BEAM, case
 * by case (see ./re-cases.ts). Each table is one erl request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { binaryToTerm } from '../../runtime/terms/etf.js';
import { formatW } from '../../runtime/terms/print.js';
import { erl } from '../support/erl.js';
import { compareCases, compileDriver, runOnBeamjsOnly, startRuntime, stopRuntime } from './re-cases.js';

beforeAll(async () => {
  compileDriver();
  await startRuntime();
}, 120_000);

afterAll(() => stopRuntime());

const T = 120_000;

describe('re:run basics', () => {
  it('captures, unset groups, capture specs', async () => {
    const cases = [
      `{run, "abc", "b"}`,
      `{run, "abc", "x"}`,
      `{run, <<"abc">>, <<"(a)(b)?(x)?">>}`,
      `{run, "ab", "(a)|(b)"}`,
      `{run, "b", "(a)|(b)"}`,
      `{run, "b", "(a)|(b)", [{capture, all, list}]}`,
      `{run, "b", "(a)|(b)", [{capture, all, binary}]}`,
      `{run, "b", "(a)|(b)", [{capture, [1,2,3], list}]}`,
      `{run, "b", "(a)|(b)", [{capture, all_but_first, index}]}`,
      `{run, "b", "(a)|(b)", [{capture, first, binary}]}`,
      `{run, "b", "(a)|(b)", [{capture, none}]}`,
      `{run, "b", "(a)|(b)", [{capture, []}]}`,
      `{run, "b", "(a)|(b)", [{capture, [], list}]}`,
      `{run, "abab", "(?<q>b)", [{capture, [q, "q", <<"q">>, 0, 1, 5, zz], binary}]}`,
      `{run, "ab", "(?<x>a)(?<y>c)?", [{capture, all_names}]}`,
      `{run, "ab", "(?<x>a)(?<y>c)?", [{capture, all_names, binary}]}`,
      `{run, "ab", "(a)(?<n>b)", [{capture, [n, 1, "n"], list}]}`,
      `{run, "ab", "a", [{capture, all, foo}]}`,
      `{run, "ab", "a", [{capture, [-1]}]}`,
      `{run, "ab", "a", [{capture, bad}]}`,
      `{run, "ab", "a", [bad]}`,
      `{run, "ab", "a", [{offset, -1}]}`,
      `{run, "ab", "b", [{offset, 1}]}`,
      `{run, "ab", "b", [{offset, 2}]}`,
      `{run, "ab", "a", [{offset, 1}]}`,
      `{run, ["a", [<<"b">>, $c] | <<"d">>], "bcd"}`,
      `{run, [256], "a"}`,
      `{run, abc, "a"}`,
      `{run, "abc", abc}`,
      `{run, "abc", "(", []}`,
      `{run, "abc", "(", [report_errors]}`,
      `{run, "abc", "a", [{match_limit, 10}]}`,
      `{run, "aaa", "a*?", []}`,
      `{run, "aaa", "a*", [ungreedy]}`,
      `{run, "aaa", "a*?", [ungreedy]}`,
      `{run, "xAbC", "abc", [caseless]}`,
      `{run, <<"\\x{c9}t\\x{e9}">>, <<"\\x{e9}T\\x{c9}">>, [caseless]}`,
      `{run, "a\\nb", "a.b"}`,
      `{run, "a\\nb", "a.b", [dotall]}`,
      `{run, "a\\r\\nb", "a..b", [{newline, crlf}]}`,
      `{run, "a\\rb", "a.b", [{newline, cr}]}`,
      `{run, "a\\rb", "a.b", [{newline, anycrlf}]}`,
      `{run, "a\\x{85}b", "a.b", [{newline, any}]}`,
      `{run, "a b", "a b", [extended]}`,
      `{run, "ab", "a b # comment\\n", [extended]}`,
      `{run, "a b", "a\\\\ b", [extended]}`,
      `{run, "a b", "a[ ]b", [extended]}`,
      `{run, "ab", "(?x) a  b"}`,
      `{run, "aab", "^a+b$", [anchored]}`,
      `{run, "xaab", "a+b", [anchored]}`,
      `{run, "xaab", "a+b", [{offset, 1}, anchored]}`,
      `{run, "", ""}`,
      `{run, "", "", [notempty]}`,
      `{run, "abc", "x*", [notempty]}`,
      `{run, "abxc", "x*", [notempty]}`,
      `{run, "abc", "x*|b", [notempty_atstart]}`,
      `{run, "abc", "x*|a", [notempty_atstart]}`,
      `{run, "abc", "^a", [notbol]}`,
      `{run, "abc", "c$", [noteol]}`,
      `{run, "a\\nb", "^b", [multiline, notbol]}`,
      `{run, "a\\nb", "a$", [multiline, noteol]}`,
      `{run, "ab", "(?:a|b)+", [{capture, all, list}]}`,
    ];
    expect(await compareCases(cases)).toEqual([]);
  }, T);

  it('anchors and newline conventions', async () => {
    const cases = [
      `{run, <<"a\\nb\\n">>, "b$"}`,
      `{run, <<"a\\nb\\n">>, "b$", [dollar_endonly]}`,
      `{run, <<"a\\nb\\n">>, "a$"}`,
      `{run, <<"a\\nb\\n">>, "a$", [multiline]}`,
      `{run, <<"a\\r\\nb">>, "a$", [multiline, {newline, crlf}]}`,
      `{run, <<"a\\r\\nb">>, "a$", [multiline, {newline, any}]}`,
      `{run, <<"a\\r\\nb">>, "a$", [multiline]}`,
      `{run, <<"a\\rb">>, "^b", [multiline, {newline, cr}]}`,
      `{run, <<"a\\rb">>, "^b", [multiline]}`,
      `{run, <<"a\\nb">>, "^b", [multiline]}`,
      `{run, <<"a\\n">>, "^", [multiline, global]}`,
      `{run, <<"ab\\n">>, "b\\\\Z"}`,
      `{run, <<"ab\\n">>, "b\\\\z"}`,
      `{run, <<"ab">>, "\\\\Ab"}`,
      `{run, <<"ab">>, "\\\\Aa"}`,
      `{run, <<"ab">>, "b", [{offset, 1}]}`,
      `{run, <<"ab">>, "^b", [{offset, 1}]}`,
      `{run, <<"ab">>, "\\\\Gb", [{offset, 1}]}`,
      `{run, <<"xab">>, "\\\\Gb", [{offset, 1}]}`,
      `{run, <<"a\\r\\nb">>, "\\\\R"}`,
      `{run, <<"a\\x{85}b">>, "\\\\R"}`,
      `{run, <<"a\\x{85}b">>, "\\\\R", [bsr_anycrlf]}`,
      `{run, <<"a\\nb">>, "(*CR)a.b"}`,
      `{run, <<"a\\rb">>, "(*CR)a.b"}`,
      `{run, <<"a\\rb\\r">>, "(*CR)b$"}`,
      `{run, <<"x\\ny">>, "\\\\N+"}`,
      `{run, <<"ab cd">>, "\\\\bc"}`,
      `{run, <<"ab cd">>, "\\\\Bc"}`,
      `{run, <<"ab cd">>, "b\\\\b"}`,
      `{run, <<"\\x{e9}t\\x{e9}">>, "\\\\bt"}`,
      `{run, <<"a\\nb\\nc">>, "^\\\\w$", [multiline, global]}`,
    ];
    expect(await compareCases(cases)).toEqual([]);
  }, T);
});

describe('re:run syntax', () => {
  it('escapes, classes, POSIX classes, quantifiers', async () => {
    const cases = [
      `{run, "a1_ b", "\\\\w+", [global, {capture, all, list}]}`,
      `{run, "a1_ b", "\\\\W", [{capture, all, list}]}`,
      `{run, "x 12 y", "\\\\d+"}`,
      `{run, "x 12 y", "\\\\D+"}`,
      `{run, "x\\t\\v y", "\\\\s+"}`,
      `{run, "x\\t\\v y", "\\\\S+", [global]}`,
      `{run, <<"a\\x{a0}b">>, "\\\\h"}`,
      `{run, <<"a\\x{a0}b">>, "\\\\s"}`,
      `{run, <<"a\\x{0b}b">>, "\\\\v"}`,
      `{run, <<"ab\\tc">>, "\\\\H+"}`,
      `{run, <<"ab\\nc">>, "\\\\V+"}`,
      `{run, <<"caf\\x{e9}!">>, "\\\\w+"}`,
      `{run, <<"caf\\x{e9}!">>, "[[:alpha:]]+"}`,
      `{run, <<"ab12;">>, "[[:alnum:]]+"}`,
      `{run, <<"ab12;">>, "[[:^alpha:]]+"}`,
      `{run, <<"ab;,.x">>, "[[:punct:]]+"}`,
      `{run, <<"AbC">>, "[[:upper:]]"}`,
      `{run, <<"AbC">>, "[[:lower:]]"}`,
      `{run, <<"1f G">>, "[[:xdigit:]]+"}`,
      `{run, <<"a \\tb">>, "[[:blank:]]+"}`,
      `{run, <<"a b">>, "[[:foo:]]", [report_errors]}`,
      `{run, <<"a]b">>, "[]]"}`,
      `{run, <<"a]b">>, "[^]a]"}`,
      `{run, <<"a-b">>, "[a-]+"}`,
      `{run, <<"a-b">>, "[-b]+"}`,
      `{run, <<"a-b">>, "[\\\\w-]+"}`,
      `{run, <<"abc">>, "[z-a]", [report_errors]}`,
      `{run, <<"abc">>, "[a", [report_errors]}`,
      `{run, <<"a\\\\b">>, "[\\\\\\\\]"}`,
      `{run, <<"a\\\\b">>, "\\\\\\\\"}`,
      `{run, <<"a.b">>, "\\\\."}`,
      `{run, <<"a.b">>, "[.]"}`,
      `{run, <<"a*b">>, "\\\\Q*\\\\E"}`,
      `{run, <<"a*b+">>, "\\\\Q*b+"}`,
      `{run, <<"a*b">>, "[\\\\Q*\\\\E]"}`,
      `{run, <<"aAb">>, "\\\\x41"}`,
      `{run, <<"aAb">>, "\\\\x{41}"}`,
      `{run, <<"aAb">>, "\\\\101"}`,
      `{run, <<"a", 0, "b">>, "\\\\0"}`,
      `{run, <<"a", 0, "b">>, "\\\\x"}`,
      `{run, <<"a\\eb">>, "\\\\e"}`,
      `{run, <<"a", 1, "b">>, "\\\\cA"}`,
      `{run, <<"a\\tb">>, "\\\\t"}`,
      `{run, <<"a{b">>, "a{b"}`,
      `{run, <<"a{1b">>, "a{1b"}`,
      `{run, <<"a{,2}">>, "a{,2}"}`,
      `{run, <<"aaaa">>, "a{2}"}`,
      `{run, <<"aaaa">>, "a{2,}"}`,
      `{run, <<"aaaa">>, "a{1,3}"}`,
      `{run, <<"aaaa">>, "a{1,3}?"}`,
      `{run, <<"aaaa">>, "a{3,1}", [report_errors]}`,
      `{run, <<"aaaa">>, "a{70000}", [report_errors]}`,
      `{run, <<"aaaa">>, "*a", [report_errors]}`,
      `{run, <<"aaaa">>, "a**", [report_errors]}`,
      `{run, <<"aaaa">>, "(*a)", [report_errors]}`,
      `{run, <<"aaaa">>, "a|*", [report_errors]}`,
      `{run, <<"aaaa">>, "a)", [report_errors]}`,
      `{run, <<"aaaa">>, "(a", [report_errors]}`,
      `{run, <<"aaaa">>, "a\\\\", [report_errors]}`,
      `{run, <<"aaaa">>, "(?<n>a)(?<n>b)", [report_errors]}`,
      `{run, <<"aaaa">>, "(?P<1>a)", [report_errors]}`,
      `{run, <<"aaaa">>, "\\\\k<zz>", [report_errors]}`,
      `{run, <<"aaaa">>, "\\\\2(a)", [report_errors]}`,
      `{run, <<"aaaa">>, "(?z)", [report_errors]}`,
      `{run, <<"aaaa">>, "\\\\U", [report_errors]}`,
      `{run, <<"aaaa">>, "(?#comment)a"}`,
    ];
    expect(await compareCases(cases)).toEqual([]);
  }, T);

  it('groups, backreferences, lookaround, atomic and possessive', async () => {
    const cases = [
      `{run, <<"abab">>, "(ab)\\\\1"}`,
      `{run, <<"abab">>, "(ab)\\\\g1"}`,
      `{run, <<"abab">>, "(ab)\\\\g{1}"}`,
      `{run, <<"abab">>, "(ab)\\\\g{-1}"}`,
      `{run, <<"abab">>, "(?<x>ab)\\\\k<x>"}`,
      `{run, <<"abab">>, "(?<x>ab)\\\\k{x}"}`,
      `{run, <<"abab">>, "(?<x>ab)\\\\k'x'"}`,
      `{run, <<"abab">>, "(?'x'ab)\\\\g{x}"}`,
      `{run, <<"abab">>, "(?P<x>ab)(?P=x)"}`,
      `{run, <<"aBAb">>, "(ab)\\\\1", [caseless]}`,
      `{run, <<"abcdefghijkk">>, "(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)\\\\11"}`,
      `{run, <<"abcdefghij\\t">>, "(a)(b)(c)(d)(e)(f)(g)(h)(i)\\\\11"}`,
      `{run, <<"foobar">>, "foo(?=bar)"}`,
      `{run, <<"foobaz">>, "foo(?!bar)"}`,
      `{run, <<"foobar">>, "(?<=foo)bar"}`,
      `{run, <<"foobar">>, "(?<!x)bar"}`,
      `{run, <<"aaab">>, "(?>a+)b"}`,
      `{run, <<"aaa">>, "(?>a+)a"}`,
      `{run, <<"aaa">>, "a++a"}`,
      `{run, <<"aaab">>, "a++b"}`,
      `{run, <<"aaab">>, "(a)++b"}`,
      `{run, <<"\\"abc\\"">>, "\\"[^\\"]*+\\""}`,
      `{run, <<"abc">>, "a(?:b|c)+"}`,
      `{run, <<"abc">>, "a(?i)B"}`,
      `{run, <<"aBc">>, "a(?i:b)C"}`,
      `{run, <<"aBC">>, "a(?i:b)C"}`,
      `{run, <<"ABC">>, "(?i)abc"}`,
      `{run, <<"ABC">>, "(?i)a[a-c]+"}`,
      `{run, <<"a\\nb">>, "(?s)a.b"}`,
      `{run, <<"a\\nb">>, "a(?s:.)b"}`,
      `{run, <<"a\\nb">>, "(?m)^b"}`,
      `{run, <<"aaa">>, "(?U)a+"}`,
      `{run, <<"ab">>, "(a)(?:x)?(b)", [{capture, all, list}]}`,
      `{run, <<"ab">>, "(a)(x)?(b)", [no_auto_capture]}`,
      `{run, <<"ab">>, "(a)(?<n>b)", [no_auto_capture]}`,
      `{run, <<"ab">>, "(?<x>a)|(?<x>b)", [dupnames, {capture, [x], index}]}`,
      `{run, <<"b">>, "(?<x>a)|(?<x>b)", [dupnames, {capture, all_names, index}]}`,
      `{run, <<"b">>, "(?J)(?<x>a)|(?<x>b)", [{capture, all_names, binary}]}`,
      `{run, <<"bb">>, "(?J)(?<n>a)|(?<n>b)\\\\k<n>"}`,
      `{run, <<"aa">>, "(?|(a)|(b))\\\\1"}`,
      `{inspect, "(?<x>a)|(?<x>b)(?<a>c)", [dupnames]}`,
      `{inspect, "(?<x>a)(?<b>c)?", []}`,
      `{inspect, "(a)", []}`,
      `{run, <<"ab">>, "a(*FAIL)|b"}`,
      `{run, <<"ab">>, "(?|(a)|(b))", [report_errors]}`,
      `{run, <<"abc">>, "(?:a|ab)(c|bcd)"}`,
      `{run, <<"xyz">>, "(x)?(y)?(q)?z", [{capture, all, binary}]}`,
      `{run, <<"xyz">>, "(x)?(q)?(y)?z", [{capture, all, binary}]}`,
    ];
    expect(await compareCases(cases)).toEqual([]);
  }, T);
});

describe('re:run global, unicode and compiled patterns', () => {
  it('global matching and empty matches', async () => {
    const cases = [
      `{run, "abc", "", [global]}`,
      `{run, "a\\r\\nb", "", [global, {newline, crlf}]}`,
      `{run, "abab", "b", [global, {capture, first, binary}]}`,
      `{run, "abab", "(a)(b)", [global, {capture, all_but_first, list}]}`,
      `{run, "aaa", "a*", [global]}`,
      `{run, "baaac", "a*", [global]}`,
      `{run, "abc", "x", [global]}`,
      `{run, "abc", "x*", [global, notempty]}`,
      `{run, "a,b,,c", ",", [global, {capture, none}]}`,
      `{run, "abcabc", "(?<l>[a-c])", [global, {capture, [l], list}]}`,
      `{run, "ab", "(a)|(b)", [global]}`,
      `{run, "abcd", "..", [global, {offset, 1}]}`,
    ];
    expect(await compareCases(cases)).toEqual([]);
  }, T);

  it('unicode subjects and patterns', async () => {
    const cases = [
      `{run, <<"é"/utf8, "b">>, "b", [unicode]}`,
      `{run, <<"é"/utf8, "b">>, "b", [unicode, {capture, all, list}]}`,
      `{run, <<"é"/utf8, "b">>, "b", [unicode, {capture, all, binary}]}`,
      `{run, <<"é"/utf8, "b">>, "", [global, unicode]}`,
      `{run, <<"é"/utf8, "b">>, <<"é|b"/utf8>>, [unicode, global, {capture, all, list}]}`,
      `{run, <<"é"/utf8, "b">>, <<"é|b"/utf8>>, [unicode, global, {capture, all, binary}]}`,
      `{run, <<"é"/utf8, "b">>, "b", [unicode, {offset, 1}]}`,
      `{run, <<"é"/utf8, "b">>, "b", [unicode, {offset, 2}]}`,
      `{run, <<255>>, "b", [unicode]}`,
      `{run, <<"a">>, <<"a", 255>>, [unicode, report_errors]}`,
      `{compile, <<255>>, [unicode]}`,
      `{run, "hé", "é", [unicode]}`,
      `{run, [$h, 16#e9, 16#1F600, $x], [16#1F600], [unicode, {capture, all, list}]}`,
      `{run, [$h, 16#1F600, $x], ".x", [unicode]}`,
      `{run, <<"αβγ"/utf8>>, "\\\\w", [unicode]}`,
      `{run, <<"αβγ"/utf8>>, "\\\\w+", [unicode, ucp]}`,
      `{run, <<"ΑΒΓ"/utf8>>, <<"αβγ"/utf8>>, [unicode, caseless]}`,
      `{run, <<"x١٢y"/utf8>>, "\\\\d+", [unicode, ucp]}`,
      `{run, <<"x١٢y"/utf8>>, "\\\\d+", [unicode]}`,
      `{run, <<"aΩb"/utf8>>, "\\\\x{3a9}", [unicode]}`,
      `{run, <<"aΩb"/utf8>>, "\\\\p{Lu}", [unicode]}`,
      `{run, <<"aΩb"/utf8>>, "\\\\p{Greek}", [unicode]}`,
      `{run, <<"aΩb"/utf8>>, "\\\\P{L}", [unicode]}`,
      `{run, <<"aΩb"/utf8>>, "[^a]", [unicode, {capture, all, list}]}`,
      `{run, <<"a\\x{2028}b"/utf8>>, "\\\\R", [unicode]}`,
      `{run, <<"a\\x{2028}b"/utf8>>, "a.b", [unicode, {newline, any}]}`,
      `{run, <<"日本語"/utf8>>, "本", [unicode, {capture, all, index}]}`,
    ];
    expect(await compareCases(cases)).toEqual([]);
  }, T);

  it('re:compile and compiled patterns', async () => {
    const cases = [
      `{compile, "a(b)"}`,
      `{compile, "a(b)", [unicode]}`,
      `{compile, <<"a(b)">>, [{newline, crlf}]}`,
      `{compile, <<"a(b)">>, [{newline, anycrlf}]}`,
      `{compile, <<"(*CRLF)a">>}`,
      `{compile, "a", [global]}`,
      `{compile, "a", [bogus]}`,
      `{compile, "a(", []}`,
      `{compile, 'a', []}`,
      `{compile, ["a", <<"b">>], [caseless]}`,
      `{compile, "é", [unicode]}`,
      `{crun, "xAbx", "ab", [caseless], []}`,
      `{crun, "xAbx", "ab", [], [caseless]}`,
      `{crun, "xAbx", "(?<n>A)(b)", [], [{capture, all_names, list}]}`,
      `{crun, "xAbx", "b", [], [global]}`,
      `{crun, <<"a\\rb">>, "^b", [multiline], [{newline, cr}]}`,
      `{crun, <<"a\\nb">>, "^b", [multiline], [{newline, cr}]}`,
      `{crun, "hé", "é", [unicode], []}`,
      `{crun, "hé", "é", [unicode], [{capture, all, list}]}`,
      `{crun, "aaa", "a", [], [global, {capture, all, binary}]}`,
      `{crun, "baaa", "a", [anchored], []}`,
      `{run, "a", {re_pattern, 0, 0, 0, <<1,2,3>>}}`,
      `{run, "a", {re_pattern, 0, 0, 0}}`,
    ];
    expect(await compareCases(cases)).toEqual([]);
  }, T);
});

describe('re:version', () => {
  it('names the PCRE release it follows but is not PCRE (so Elixir recompiles stored patterns)', async () => {
    const [ours] = await runOnBeamjsOnly([`version`]);
    const erls = formatW(binaryToTerm(await erl.eval(`re:version()`)));
    const w = (text: string): string => `<<${[...Buffer.from(text)].join(',')}>>`;
    expect(ours).toBe(w('8.44 2020-02-12 (beamjs)'));
    expect(erls).toBe(w('8.44 2020-02-12'));
  }, T);
});

describe('re:replace and re:split (OTP Erlang code over the BIFs)', () => {
  it('replace', async () => {
    const cases = [
      `{replace, "abc", "b", "[&]", [{return, list}]}`,
      `{replace, "abcb", "b", "[&]", [global, {return, list}]}`,
      `{replace, "abc", "(b)", "\\\\1\\\\g{1}\\\\g1", [{return, list}]}`,
      `{replace, "abc", "(b)", "\\\\&\\\\\\\\", [{return, binary}]}`,
      `{replace, "abc", "(b)", "<\\\\2>", [{return, binary}]}`,
      `{replace, "abc", "b", "x"}`,
      `{replace, <<"héllo"/utf8>>, "é", "e", [unicode, {return, binary}]}`,
      `{replace, "héllo", "l", "L", [unicode, global, {return, list}]}`,
      `{replace, "aaa", "", "-", [global, {return, list}]}`,
      `{replace, "a.b.c", "\\\\.", "", [global, {return, binary}]}`,
      `{replace, "abc", "(", "x", []}`,
      `{replace, "abc", "b", "x", [report_errors]}`,
      `{replace, "Hello World", "(\\\\w+) (\\\\w+)", "\\\\2 \\\\1", [{return, list}]}`,
    ];
    expect(await compareCases(cases)).toEqual([]);
  }, T);

  it('split', async () => {
    const cases = [
      `{split, "a,b,,c,,", ","}`,
      `{split, "a,b,,c,,", ",", [trim]}`,
      `{split, "a,b,,c,,", ",", [{parts, 2}]}`,
      `{split, "a,b,,c,,", ",", [{parts, 0}]}`,
      `{split, "a,b,,c,,", ",", [{return, list}]}`,
      `{split, "a1b2c", "(\\\\d)", [{return, list}]}`,
      `{split, "a1b2c", "(\\\\d)", [group, {return, list}]}`,
      `{split, "abc", "", [{return, list}]}`,
      `{split, "abc", "x*", [{return, list}]}`,
      `{split, "a b  c", "\\\\s+", [{return, binary}]}`,
      `{split, <<"é,ü"/utf8>>, ",", [unicode, {return, list}]}`,
      `{split, "abc", "b", [global]}`,
      `{split, "a;b;c", ";", [{return, iodata}, trim]}`,
    ];
    expect(await compareCases(cases)).toEqual([]);
  }, T);
});

describe('re:run on everyday patterns', () => {
  it('matches what real code asks', async () => {
    const subjects = [
      `<<"john.doe@example.com">>`, `<<"  padded text \\t\\n">>`, `<<"GET /index.html?q=1&r=2 HTTP/1.1\\r\\n">>`,
      `<<"-12.5e3, 42, 0x1F, 007">>`, `<<"2024-02-29T12:34:56Z">>`, `<<"a,\\"b,c\\",d">>`,
      `<<"Ünïcödé bytes \\x{ff}\\x{e9}">>`, `<<"">>`, `<<"\\n\\n">>`, `<<"CamelCaseWordsHere">>`,
    ];
    const patterns = [
      `"^[\\\\w.+-]+@[\\\\w-]+\\\\.[\\\\w.]+$"`, `"^\\\\s+|\\\\s+$"`, `"^(\\\\w+) (\\\\S+) HTTP/(\\\\d)\\\\.(\\\\d)\\\\r?$"`,
      `"[-+]?\\\\d+(?:\\\\.\\\\d+)?(?:[eE][-+]?\\\\d+)?"`, `"(\\\\d{4})-(\\\\d{2})-(\\\\d{2})T(\\\\d{2}):(\\\\d{2})"`,
      `"\\"([^\\"]*)\\""`, `"[A-Z][a-z]+"`, `"(?i)[a-z]+"`, `"^$"`, `"(?m)^$"`, `"\\\\b\\\\w"`, `"[^\\\\x00-\\\\x7f]+"`,
      `"(\\\\w)\\\\1"`, `"[[:space:]]+"`, `"(?<=[a-z])(?=[A-Z])"`, `"0x[[:xdigit:]]+|0[0-7]+"`,
    ];
    const cases: string[] = [];
    for (const s of subjects) {
      for (const p of patterns) {
        cases.push(`{run, ${s}, ${p}, [{capture, all, binary}]}`);
        cases.push(`{run, ${s}, ${p}, [global, {capture, all, index}]}`);
      }
    }
    expect(cases.length).toBe(320);
    expect(await compareCases(cases)).toEqual([]);
  }, T);

  it('more syntax corners', async () => {
    const cases = [
      `{run, <<"a\\nb">>, "a\\\\12b"}`,
      `{run, <<"a\\nb">>, "a[\\\\12]b"}`,
      `{run, <<"a8b">>, "a\\\\8b"}`,
      `{run, <<"ab">>, "a|", [global]}`,
      `{run, <<"a-z5">>, "[\\\\d-z]+"}`,
      `{run, <<"ab">>, "\\\\x{100}", [report_errors]}`,
      `{run, <<"ab">>, "(?<=a+)b", [report_errors]}`,
      `{run, <<"ab">>, "(?<=a|bc)b", [report_errors]}`,
      `{run, <<"aB">>, "a(?i)[^b]"}`,
      `{run, <<"aB">>, "a(?i)[b]"}`,
      `{run, <<"AB">>, "a(?i)b", [caseless]}`,
      `{run, <<"aaa">>, "a+?", [ungreedy]}`,
      `{run, <<"aaa">>, "a{1,2}", [ungreedy, global]}`,
      `{run, <<"\\x{e9}\\x{c9}">>, "\\x{c9}+", [caseless]}`,
      `{run, <<"x\\x{e9}y">>, "\\\\bx\\\\b"}`,
      `{run, <<"x\\x{e9}y"/utf8>>, "\\\\bx\\\\b", [unicode]}`,
      `{run, <<"ab\\n">>, "$", [global]}`,
      `{run, <<"ab\\n">>, "$", [global, multiline]}`,
      `{run, <<"ab\\n\\n">>, "^", [global, multiline]}`,
      `{run, <<"a\\r\\nb\\r\\n">>, "$", [global, multiline, {newline, anycrlf}]}`,
      `{run, <<"abc">>, "a\\\\Kb", [report_errors]}`,
      `{run, <<"abcabc">>, "(?:x|a\\\\K)bc", [global]}`,
      `{replace, "foo=1", "foo=\\\\K\\\\d", "2", [{return, list}]}`,
      `{run, <<"ab">>, "a(?=b)*"}`,
      `{run, <<"aaa">>, "(a)*", [{capture, all, index}]}`,
      `{run, <<"a.b|c">>, "[.|]", [global]}`,
      `{run, <<"a/b">>, "/"}`,
      `{run, <<"a$b^c">>, "\\\\$|\\\\^", [global]}`,
      `{run, <<"(x)">>, "\\\\(\\\\w\\\\)"}`,
      `{run, <<"a{2}">>, "\\\\{\\\\d\\\\}"}`,
      `{run, <<"tab\\there">>, "\\\\x09"}`,
      `{run, <<"1+1=2">>, "1\\\\+1"}`,
      `{run, <<"aaa">>, "a{0}b?"}`,
      `{run, <<"aaaa">>, "(aa)+?$"}`,
      `{run, <<"ABCabc">>, "[[:upper:]]+", [caseless]}`,
      `{run, <<"xyz">>, "(?x) x # the x\\n y z"}`,
      `{run, <<"xyz">>, "(?x)[ ]"}`,
      `{run, <<"x yz">>, "(?x)x\\\\ y"}`,
      `{run, <<"x#y">>, "(?x)x[#]y"}`,
      `{run, <<"ab\\ncd">>, "c", [firstline]}`,
      `{run, <<"ab\\ncd">>, "b", [firstline]}`,
      `{run, <<"ab\\ncd">>, "b\\nc", [firstline]}`,
      `{run, <<"ab">>, "b", [{match_limit_recursion, 100}]}`,
      `{run, <<"ab">>, "b", [no_start_optimize]}`,
      `{run, <<"ab">>, "b", [never_utf]}`,
      `{run, <<"a\\x{85}b">>, "\\\\R", [bsr_unicode]}`,
      `{run, <<"a\\r\\nb\\r\\n">>, "b$", [{newline, any}]}`,
      `{run, <<"a\\rb\\r">>, "b$", [{newline, anycrlf}]}`,
      `{run, <<"a\\rb\\r">>, "b$", [{newline, lf}]}`,
      `{run, <<"a\\rb\\r">>, "b$", [{newline, nul}]}`,
      `{run, <<"ab">>, "(?<n>a)(?<n2>b)", [{capture, [n2, n], binary}]}`,
      `{run, <<"ab">>, "(a)(b)", [{capture, [2, 1, 0], list}]}`,
      `{run, <<"ab">>, "(a)(b)", [{capture, [3], list}]}`,
      `{run, <<"ab">>, "(a)(b)", [{capture, [x | y], list}]}`,
      `{run, <<"ab">>, "(a)(b)", [{capture, all, list} | bad]}`,
      `{run, <<1:1>>, "a"}`,
      `{run, <<"ab">>, <<1:1>>}`,
      `{compile, <<"a">>, [{newline, cr}, bsr_anycrlf, anchored]}`,
    ];
    expect(await compareCases(cases)).toEqual([]);
  }, T);
});

describe('known differences from PCRE', () => {
  // PCRE features the JS translation cannot express are compile errors
  // naming the feature (BEAM matches these).
  it('unsupported features are compile errors, never wrong matches', async () => {
    const cases = [
      `{run, <<"ab">>, "(a)?(?(1)b|c)", [report_errors]}`,
      `{run, <<"abc">>, "a(?R)?c", [report_errors]}`,
      `{run, <<"abc">>, "(a)(?1)", [report_errors]}`,
      `{run, <<"abc">>, "(?<n>a)(?&n)", [report_errors]}`,
      `{run, <<"abc">>, "(*COMMIT)a", [report_errors]}`,
      `{run, <<"abc">>, "a(*SKIP)b", [report_errors]}`,
      `{compile, "(?C1)a"}`,
    ];
    const got = await runOnBeamjsOnly(cases);
    for (const r of got) expect(r).toMatch(/^\{error,\{(compile,\{)?\[98,101,97,109,106,115,32,100,111,101,115,32,110,111,116/);
  }, T);

  it('a group left unset by the last repetition keeps its value on BEAM only', async () => {
    // ECMAScript resets the captures of a quantified group at each repetition.
    expect(await runOnBeamjsOnly([`{run, <<"abab">>, "(?:(a)|b)+"}`])).toEqual(['{match,[{0,4}]}']);
    expect(await compareCases([`{run, <<"abab">>, "(?:(a)|b)+"}`])).toHaveLength(1);
  }, T);
});
