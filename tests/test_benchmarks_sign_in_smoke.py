"""The sign-in benchmark runs end to end and writes its section of RESULTS.md."""

from __future__ import annotations

from benchmarks import sign_in


def test_sign_in_benchmark_times_both_and_writes_its_section(tmp_path):
    out = tmp_path / "RESULTS.md"
    lines = sign_in.run(out, quick=True)
    text = out.read_text()
    assert "<!-- bench:sign_in -->" in text and "**Sign-in with argon2id**" in text
    assert any("bare `PasswordHasher().verify`" in line for line in lines)
    assert any("x a bare verify" in line and "argon2id m=" in line for line in lines)
