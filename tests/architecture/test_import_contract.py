"""The apps' one-way layers (pyproject.toml `[tool.importlinter]`) hold, and a new upward import
breaks them by the contract's name, as `make lint` (hence CI) reports it."""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
LAYERS_CONTRACT = "Apps import only their own app and the layers below them"
LOOPS_CONTRACT = "No import loops between the modules of an app"


def _lint_imports(cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--config", str(cwd / "pyproject.toml")],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        env={"PYTHONPATH": str(cwd), "PATH": "/usr/bin:/bin"},
    )


def _copy_of_the_project(tmp_path: Path) -> Path:
    shutil.copytree(
        ROOT / "portal", tmp_path / "portal", ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_the_portal_keeps_both_contracts():
    result = _lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{LAYERS_CONTRACT} KEPT" in result.stdout
    assert f"{LOOPS_CONTRACT} KEPT" in result.stdout


def test_an_upward_import_breaks_the_layers_contract_by_name(tmp_path):
    project = _copy_of_the_project(tmp_path)
    # The ground reaching up to community: what the contract exists to refuse.
    (project / "portal" / "core" / "upward.py").write_text("from portal.community import models\n")
    result = _lint_imports(project)
    assert result.returncode == 1
    assert f"{LAYERS_CONTRACT} BROKEN" in result.stdout
    assert "portal.core is not allowed to import portal.community" in result.stdout
    assert "portal.core.upward -> portal.community.models" in result.stdout


def test_an_import_loop_inside_an_app_breaks_the_loops_contract_by_name(tmp_path):
    project = _copy_of_the_project(tmp_path)
    # selectors already imports models; models importing selectors back closes a loop.
    models = project / "portal" / "cocreation" / "models.py"
    models.write_text(models.read_text() + "\nfrom portal.cocreation import selectors  # noqa\n")
    result = _lint_imports(project)
    assert result.returncode == 1
    assert f"{LOOPS_CONTRACT} BROKEN" in result.stdout
    assert "No cycles are allowed in portal.cocreation." in result.stdout


def test_a_new_app_must_take_a_place_in_the_layers(tmp_path):
    project = _copy_of_the_project(tmp_path)
    (project / "portal" / "newapp").mkdir()
    (project / "portal" / "newapp" / "__init__.py").write_text("")
    result = _lint_imports(project)
    assert result.returncode == 1
    assert "portal.newapp" in result.stdout
