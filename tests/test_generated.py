"""Generated data files are current: each generator, run with --check, finds nothing to change."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"


@pytest.mark.parametrize("script", ["build_word_frequencies.py", "build_countries.py"])
def test_generated_file_is_current(script):
    result = subprocess.run([sys.executable, str(SCRIPTS / script), "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
