"""kill -9 mid-backup, mid-booking and mid-upgrade (18 trials; benchmarks.kill_trials runs 200)."""

from __future__ import annotations

import pytest

from benchmarks import kill_trials


@pytest.mark.slow
def test_killed_processes_leave_no_stray_backup_no_damage_and_no_half_transaction(tmp_path):
    figures = kill_trials.run(18, seed=3, keep=tmp_path / "trials")
    assert figures.trials == 18
    assert figures.by_kind == {"backup": 6, "booking": 6, "upgrade": 6}
    assert figures.problems == []
    assert figures.confirmed_bookings_lost == 0
    assert figures.integrity_errors == 0
    assert figures.half_transactions == 0
    assert figures.stray_backup_files == 0
    assert figures.confirmed_bookings > 0  # the booking trials did book before the kill
