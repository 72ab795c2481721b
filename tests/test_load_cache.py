"""Loading a large study fast without changing what it gives: the validated-profile cache
(``checked.CheckedCache``) and when it is not trusted, the parse cache read only when it pays,
``files.read_regular`` reading the file's own size, and the collector paused while loading."""

from __future__ import annotations

import datetime as dt
import gc
import os
import pickle
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
import yaml
from conftest import site_doc

import sitecompare.validate.checker as checker_module
from sitecompare import checked
from sitecompare.checked import Checked, CheckedCache, check_profiles
from sitecompare.errors import Issue, ValidationError
from sitecompare.files import read_regular
from sitecompare.gcpause import gc_paused
from sitecompare.profiles import ParseCache
from sitecompare.study import load_study

N = 6  # profiles per test folder (the cache's minimum is lowered to 2 below)
CRITERIA = {
    "format": 1,
    "name": "cache test",
    "criteria": {
        "power": {"fact": "power_mw", "unit": "MW", "direction": "max", "weight": 1},
        "rail": {"fact": "ktx_km", "unit": "km", "direction": "min", "weight": 1},
    },
}


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private cache folder, the validated-profile cache used from 2 profiles up."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("SITECOMPARE_CACHE_DIR", str(folder))
    monkeypatch.delenv("SITECOMPARE_NO_CACHE", raising=False)
    monkeypatch.setattr(CheckedCache, "MIN_PROFILES", 2)
    return folder


@pytest.fixture
def validations(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The stems of the profiles validated (not taken from the cache), in order."""
    seen: list[str] = []
    real = checked.site_from_doc

    def counting(doc: Any, collector: Any, *, partial: bool = False) -> Any:
        seen.append(doc.path.stem)
        return real(doc, collector, partial=partial)

    monkeypatch.setattr(checked, "site_from_doc", counting)
    return seen


def write_study(root: Path, bad: dict[str, dict[str, Any]] | None = None) -> tuple[Path, Path]:
    """``N`` sites ``s0..`` (those in ``bad`` with these facts instead) and a criteria file."""
    sites = root / "sites"
    sites.mkdir(parents=True, exist_ok=True)
    for i in range(N):
        sid = f"s{i}"
        facts = (bad or {}).get(sid, {"power_mw": f"{10 + i} MW", "ktx_km": f"{i + 1}.5 km"})
        (sites / f"{sid}.yaml").write_text(yaml.safe_dump(site_doc(sid, facts)), encoding="utf-8")
    crit = root / "criteria.yaml"
    crit.write_text(yaml.safe_dump(CRITERIA), encoding="utf-8")
    return sites, crit


def outcome(sites: Path, crit: Path) -> tuple[str, list[str]]:
    """What loading the study gives: its sites (repr), or every issue (str)."""
    try:
        study = load_study(sites, crit)
    except ValidationError as exc:
        return "", [str(i) for i in exc.issues]
    return repr(study.sites), []


def cache_files(folder: Path) -> list[Path]:
    return sorted(folder.glob(f"{CheckedCache.PREFIX}*.pickle"))


def test_a_warm_load_gives_what_a_cold_one_gives_and_validates_nothing(
    tmp_path: Path, cache_dir: Path, validations: list[str]
) -> None:
    sites, crit = write_study(tmp_path)
    cold = outcome(sites, crit)
    assert len(validations) == N and cache_files(cache_dir)
    validations.clear()
    assert outcome(sites, crit) == cold
    assert validations == []


def test_problems_come_back_from_the_cache_word_for_word(
    tmp_path: Path, cache_dir: Path, validations: list[str]
) -> None:
    bad = {
        "s1": {"power_mw": "12 parsecs", "ktx_km": "1 km"},
        "s2": {"power_mw": "-3 MW", "ktx_km": "nan km", "oops key": "1 km"},
    }
    sites, crit = write_study(tmp_path, bad)
    (sites / "s3.yaml").write_text((sites / "s3.yaml").read_text().replace("2024-01-01", "2999-01-01"))
    cold = outcome(sites, crit)
    assert cold[0] == "" and len(cold[1]) >= 5
    validations.clear()
    assert outcome(sites, crit) == cold
    assert validations == []


def test_a_changed_file_is_validated_again(
    tmp_path: Path, cache_dir: Path, validations: list[str]
) -> None:
    sites, crit = write_study(tmp_path)
    outcome(sites, crit)
    validations.clear()
    path = sites / "s4.yaml"
    path.write_text(path.read_text().replace("14 MW", "14 parsecs"))
    _, issues = outcome(sites, crit)
    assert validations == ["s4"]
    assert any("'parsecs' is not a known unit" in i for i in issues)


def test_the_same_bytes_under_another_name_are_validated_again(
    tmp_path: Path, cache_dir: Path, validations: list[str]
) -> None:
    sites, crit = write_study(tmp_path)
    outcome(sites, crit)
    validations.clear()
    (sites / "s0.yaml").rename(sites / "t0.yaml")
    _, issues = outcome(sites, crit)
    assert validations == ["t0"]
    assert any("t0.yaml: id: 's0' must equal the file name stem 't0'" in i for i in issues)


def test_from_another_working_folder_the_cache_names_the_files_as_shown_from_there(
    tmp_path: Path, cache_dir: Path, validations: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = {"s1": {"power_mw": "12 parsecs", "ktx_km": "1 km"}}
    sites, crit = write_study(tmp_path / "study", bad)
    monkeypatch.chdir(tmp_path)
    first = outcome(Path("study/sites"), crit)
    assert any(i.startswith("study/sites/s1.yaml: facts.power_mw.unit:") for i in first[1])
    monkeypatch.chdir(tmp_path / "study")
    validations.clear()
    _, issues = outcome(Path("sites"), crit)
    assert validations == []
    assert issues == [i.replace("study/sites/", "sites/") for i in first[1]]
    (tmp_path / "study" / "sites" / "s1.yaml").write_text(
        yaml.safe_dump(site_doc("s1", {"power_mw": "1 MW", "ktx_km": "1 km"}))
    )
    sites_repr, issues = outcome(Path("sites"), crit)
    assert issues == [] and validations == ["s1"]
    monkeypatch.chdir(tmp_path)
    assert outcome(Path("study/sites"), crit)[0] == sites_repr.replace("'sites/", "'study/sites/")
    assert validations == ["s1"]


def test_another_day_or_other_code_empties_the_cache(
    tmp_path: Path, cache_dir: Path, validations: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    sites, crit = write_study(tmp_path)
    cold = outcome(sites, crit)
    validations.clear()
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    monkeypatch.setattr(checked, "_today", lambda: tomorrow)
    assert outcome(sites, crit) == cold
    assert len(validations) == N
    validations.clear()
    assert outcome(sites, crit) == cold  # kept again, under tomorrow
    assert validations == []
    monkeypatch.setattr(checked, "_code_digest", lambda: b"other code")
    assert outcome(sites, crit) == cold
    assert len(validations) == N


class _Tomorrow(dt.date):
    """A date whose ``today`` is tomorrow (module level: the cache pickles it)."""

    @classmethod
    def today(cls) -> _Tomorrow:
        t = dt.date.today() + dt.timedelta(days=1)
        return cls(t.year, t.month, t.day)


def test_a_date_in_the_future_is_refused_until_the_cache_is_of_another_day(
    tmp_path: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The verdict on a date depends on the day: the cache of one day is not used on the next."""
    sites, crit = write_study(tmp_path)
    tomorrow = _Tomorrow.today()
    path = sites / "s2.yaml"
    path.write_text(path.read_text().replace("2024-01-01", tomorrow.isoformat()))
    _, issues = outcome(sites, crit)
    assert any("is after today" in i for i in issues)
    # tomorrow, for the validators (Checker.date) and for the cache
    monkeypatch.setattr(checker_module, "dt", SimpleNamespace(date=_Tomorrow, datetime=dt.datetime))
    monkeypatch.setattr(checked, "_today", _Tomorrow.today)
    assert outcome(sites, crit)[1] == []


def test_a_damaged_cache_file_is_an_empty_one(
    tmp_path: Path, cache_dir: Path, validations: list[str]
) -> None:
    sites, crit = write_study(tmp_path)
    cold = outcome(sites, crit)
    (path,) = cache_files(cache_dir)
    for junk in (b"not a pickle", pickle.dumps({"fingerprint": b"x", "entries": {}}), pickle.dumps([1])):
        path.write_bytes(junk)
        validations.clear()
        assert outcome(sites, crit) == cold
        assert len(validations) == N
    kept = pickle.loads(path.read_bytes())
    kept["entries"] = {key: ("not", "an entry") for key in kept["entries"]}
    path.write_bytes(pickle.dumps(kept))
    validations.clear()
    assert outcome(sites, crit) == cold
    assert len(validations) == N


def test_no_cache_and_few_profiles_write_nothing(
    tmp_path: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sites, crit = write_study(tmp_path)
    monkeypatch.setattr(CheckedCache, "MIN_PROFILES", N + 1)
    outcome(sites, crit)
    assert cache_files(cache_dir) == []
    monkeypatch.setattr(CheckedCache, "MIN_PROFILES", 2)
    monkeypatch.setenv("SITECOMPARE_NO_CACHE", "1")
    outcome(sites, crit)
    assert cache_files(cache_dir) == []


def test_files_that_cannot_be_read_or_parsed_are_not_kept(
    tmp_path: Path, cache_dir: Path, validations: list[str]
) -> None:
    sites, crit = write_study(tmp_path)
    (sites / "s5.yaml").write_text("format: 1\nid: [unclosed\n")
    (sites / "s6.yaml").write_bytes(b"format: 1\x00")
    first = outcome(sites, crit)
    assert any("YAML syntax error" in i for i in first[1])
    assert any("NUL byte" in i for i in first[1])
    assert outcome(sites, crit) == first
    entries = pickle.loads(cache_files(cache_dir)[0].read_bytes())["entries"]
    assert sorted(name for _, name in entries) == [f"s{i}.yaml" for i in range(5)]


def test_check_profiles_keeps_only_the_folders_used_last(
    tmp_path: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(CheckedCache, "MAX_FOLDERS", 2)
    for k in range(3):
        sites, _ = write_study(tmp_path / f"study{k}")
        check_profiles(sorted(sites.iterdir()))
    assert len(cache_files(cache_dir)) == 2


def test_the_parse_cache_is_not_read_for_a_few_documents(
    tmp_path: Path, cache_dir: Path
) -> None:
    cache = ParseCache()
    text = "format: 1\nname: a document long enough to be worth keeping in the cache\n"
    for _ in range(ParseCache.FEW):
        assert cache.load(text.encode(), text) == yaml.safe_load(text)
    assert cache._docs is None  # noqa: SLF001 - the point of the test
    cache.load(text.encode(), text)
    assert cache._docs is not None  # noqa: SLF001


def test_a_shared_document_is_the_cache_s_own_and_a_copy_is_not(cache_dir: Path) -> None:
    cache = ParseCache()
    cache.FEW = 0
    text = "format: 1\nfacts: {a: 1 km, b: [1, 2]}\nname: long enough to be kept in the cache\n"
    first = cache.load(text.encode(), text, shared=True)
    assert cache.load(text.encode(), text, shared=True) is first
    copy = cache.load(text.encode(), text)
    assert copy == first and copy is not first and copy["facts"] is not first["facts"]


def test_read_regular_reads_a_file_whose_size_is_not_known(tmp_path: Path, monkeypatch) -> None:
    import types

    from sitecompare import files

    path = tmp_path / "p.yaml"
    path.write_bytes(b"x" * 5000)
    assert read_regular(path, 5000) == b"x" * 5000
    # a file that reports size 0 though it holds bytes (as /proc files do): read to the end
    opened = files._open_checked
    monkeypatch.setattr(
        files, "_open_checked", lambda p: (opened(p)[0], types.SimpleNamespace(st_size=0))
    )
    assert read_regular(path, 5000) == b"x" * 5000
    with pytest.raises(files.UnreadableFile, match="file too large"):
        read_regular(path, 4999)


def test_gc_paused_restores_the_collector_as_it_was() -> None:
    was = gc.isenabled()
    try:
        gc.enable()
        with gc_paused():
            assert not gc.isenabled()
            with gc_paused():
                assert not gc.isenabled()
            assert not gc.isenabled()
        assert gc.isenabled()
        gc.disable()
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        (gc.enable if was else gc.disable)()


def test_load_study_leaves_the_collector_on(tmp_path: Path, cache_dir: Path) -> None:
    sites, crit = write_study(tmp_path)
    assert gc.isenabled()
    outcome(sites, crit)
    assert gc.isenabled()
    os.remove(sites / "s0.yaml")
    (sites / "s1.yaml").write_text("format: 2\n")
    assert outcome(sites, crit)[1]
    assert gc.isenabled()


def test_an_outcome_naming_its_file_elsewhere_is_not_kept(tmp_path: Path, cache_dir: Path) -> None:
    """The path a profile is shown by is put back only where it was taken out (the site's path,
    the issues' file): an outcome holding it anywhere else is not kept."""
    cache = CheckedCache(tmp_path)
    key = CheckedCache.key(b"bytes", tmp_path / "x.yaml")
    cache.put(key, "sites/x.yaml", Checked(None, (Issue("sites/x.yaml", "id", "see sites/x.yaml"),)))
    cache.put(key, "sites/x.yaml", Checked(None, (Issue("other.yaml", "id", "wrong file"),)))
    assert cache.get(key, "sites/x.yaml") is None
    cache.put(key, "sites/x.yaml", Checked(None, (Issue("sites/x.yaml", "id", "fine"),), ("a",)))
    cache._kept = cache._used  # noqa: SLF001 - as the next run reads it
    got = cache.get(key, "elsewhere/x.yaml")
    assert got == Checked(None, (Issue("elsewhere/x.yaml", "id", "fine"),), ("a",))
