"""The four tables as a pandas user meets them: CSV, Parquet, frames() and read_tables().

The plan below is written for these tests: section 二 has ten measures, so its paths
2.1 and 2.10 are both there (read as numbers they would be one), and the target under
（十）'s item 1. is owned by （十）'s units, printed one level up.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import policyparse
from conftest import CORPUS

pd = pytest.importorskip("pandas", reason="pandas is in the test extra: pip install -e '.[test]'")
pytest.importorskip("pyarrow", reason="pyarrow is in the test extra: pip install -e '.[test]'")

NINGBO = CORPUS / "ningbo-2025-consumption.txt"
TEN = "一二三四五六七八九"
PLAN = "\n".join(
    [
        "某市促进消费三年行动方案（2024—2026年）",
        "某府办发〔2024〕3号",
        "一、总体目标",
        "到2026年，全市社会消费品零售总额达到5000亿元，培育消费新场景不少于30个。",
        "二、重点任务",
        *(
            f"（{c}）提升第{i}类消费。推进第{i}类消费场景建设。"
            "（牵头单位：市商务局；配合单位：市财政局）"
            for i, c in enumerate(TEN, 1)
        ),
        "（十）扩大文旅消费。推进景区提质。（责任单位：市文广旅游局）",
        "1.建设旅游休闲街区。2025年，新增旅游休闲街区5个。",
        "三、保障措施",
        "加强组织领导。",
        "某市人民政府办公厅",
        "2024年3月5日",
        "",
    ]
)


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("plan") / "plan.txt"
    path.write_text(PLAN, encoding="utf-8")
    return path


def cli(*args: str) -> subprocess.CompletedProcess[bytes]:
    r = subprocess.run(
        [sys.executable, "-m", "policyparse", *args], capture_output=True, timeout=120
    )
    assert r.returncode == 0, r.stderr.decode()
    return r


@pytest.fixture(scope="module")
def csv_folder(plan: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("csv") / "tables"
    cli(str(plan), "--format", "csv", "-o", str(out))
    return out


# -- CSV under pd.read_csv's defaults ----------------------------------------------------


def test_read_csv_defaults_keep_paths_as_text(csv_folder: Path) -> None:
    nodes = pd.read_csv(csv_folder / "nodes.csv")
    assert nodes["path"].dtype.kind == "O" or str(nodes["path"].dtype) in ("str", "string")
    paths = set(nodes["path"].dropna())
    assert {"§2.1", "§2.10", "§2.10.1"} <= paths
    targets = pd.read_csv(csv_folder / "targets.csv")
    assert list(targets["path"]) == ["§1", "§1", "§2.10.1"]
    assert list(targets["owner_path"].fillna("")) == ["", "", "§2.10"]
    units = pd.read_csv(csv_folder / "units.csv")
    assert "§2.10" in set(units["path"]) and "§2.1" in set(units["path"])


def test_every_csv_export_writes_paths_as_text(plan: Path, tmp_path: Path) -> None:
    owners = tmp_path / "owners.csv"
    cli("units", str(plan), "--format", "csv", "-o", str(owners))
    frame = pd.read_csv(owners)
    assert "§2.10" in set(frame["path"]) and frame["path"].dtype.kind != "f"
    batch = tmp_path / "batch"
    cli("batch", str(plan), "--format", "csv", "-o", str(batch), "-j", "1")
    for name in ("targets", "nodes", "units"):
        frame = pd.read_csv(batch / f"{name}.csv")
        assert frame["path"].dtype.kind != "f", name
        assert frame["path"].dropna().str.startswith("§").all(), name


def test_years_are_whole_numbers_in_csv(csv_folder: Path) -> None:
    raw = (csv_folder / "targets.csv").read_text(encoding="utf-8-sig").splitlines()
    header = raw[0].split(",")
    years = [line.split(",")[header.index("year")] for line in raw[1:]]
    assert years == ["2026", "2026", "2025"]
    # With no gap, the defaults give integers; a gap would give float64 (see docs/exports.md).
    assert pd.read_csv(csv_folder / "targets.csv")["year"].dtype == "int64"


def test_read_tables_types_csv_like_frames(plan: Path, csv_folder: Path) -> None:
    read = policyparse.read_tables(csv_folder)
    made = policyparse.frames(policyparse.parse_file(plan))
    assert set(read) == set(made) == {"documents", "targets", "nodes", "units"}
    for name in made:
        pd.testing.assert_frame_equal(read[name], made[name])
    assert "2.10" in set(read["nodes"]["path"].dropna())


# -- typed frames and Parquet --------------------------------------------------------------


def test_frames_are_typed(plan: Path) -> None:
    doc = policyparse.parse_file(plan)
    frames = policyparse.frames(doc)
    t = frames["targets"]
    assert str(t["year"].dtype) == "Int64" and str(t["value"].dtype) == "Float64"
    assert str(t["path"].dtype) == "string" and str(t["start"].dtype) == "Int64"
    assert list(t["value"]) == [5000.0, 30.0, 5.0]
    assert t["value_max"].isna().all()
    u = frames["units"]
    assert str(u["generic"].dtype) == "boolean"
    assert frames["documents"]["published"].dtype.kind == "M"
    # one document or many
    both = policyparse.frames([doc, doc])
    assert len(both["targets"]) == 6 and len(both["documents"]) == 2


def test_missing_years_stay_missing_and_integer() -> None:
    doc = policyparse.parse(
        "二、重点任务\n（一）培育品牌。培育消费品牌10个。\n（二）2025年，新增街区5个。\n"
    )
    frame = policyparse.frames(doc)["targets"]
    assert str(frame["year"].dtype) == "Int64"
    assert frame["year"].isna().tolist() == [True, False]
    assert frame["year"].iloc[1] == 2025


def test_read_parquet_gives_typed_columns(plan: Path, tmp_path: Path) -> None:
    out = tmp_path / "pq"
    cli(str(plan), "--format", "parquet", "-o", str(out))
    t = pd.read_parquet(out / "targets.parquet")
    assert str(t["year"].dtype) == "Int64" and str(t["value"].dtype) == "Float64"
    assert str(t["start"].dtype) == "Int64" and str(t["path"].dtype) == "string"
    assert list(t["path"]) == ["1", "1", "2.10.1"]
    m = pd.read_parquet(out / "nodes.parquet")
    assert str(m["level"].dtype) == "Int64" and str(m["number"].dtype) == "Int64"
    u = pd.read_parquet(out / "units.parquet")
    assert str(u["implied"].dtype) == "boolean"
    read = policyparse.read_tables(out)
    made = policyparse.frames(policyparse.parse_file(plan))
    for name in made:
        pd.testing.assert_frame_equal(read[name], made[name])


def test_frames_without_pandas_is_one_clear_error() -> None:
    code = (
        "import sys; sys.modules['pandas'] = None\n"
        "import policyparse\n"
        "try:\n"
        "    policyparse.frames(policyparse.parse('一、目标'))\n"
        "except policyparse.PolicyParseError as e:\n"
        "    print(e)\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60)
    assert r.returncode == 0, r.stderr.decode()
    assert r.stdout.decode().strip() == (
        "policyparse.frames needs pandas: pip install 'policyparse[pandas]'"
    )


# -- what each row carries ---------------------------------------------------------------------


def test_documents_table(csv_folder: Path, plan: Path) -> None:
    frame = policyparse.read_tables(csv_folder)["documents"]
    row = frame.iloc[0]
    assert row["document"] == str(plan)
    assert row["title"] == "某市促进消费三年行动方案（2024—2026年）"
    assert row["doc_number"] == "某府办发〔2024〕3号"
    assert row["issuer"] == "某市人民政府办公厅"
    assert row["signed"] == pd.Timestamp("2024-03-05")
    assert row["doc_type"] == "行动方案"
    assert (row["horizon_start"], row["horizon_end"]) == (2024, 2026)
    assert row["format"] == "text" and row["encoding"] == "utf-8"
    assert row["targets"] == 3 and row["units"] == 3  # 商务局, 财政局, 文广旅游局
    assert row["diagnostics"] == 0


def test_target_rows_carry_owners_roles_spans_and_document(plan: Path) -> None:
    text = plan.read_text(encoding="utf-8")
    rows = policyparse.table_rows(policyparse.parse_file(plan))
    last = rows["targets"][-1]
    assert last["text"] == "新增旅游休闲街区5个"
    assert text[last["start"] : last["end"]] == last["text"]
    assert text.index("新增旅游休闲街区5个") == last["start"]
    # printed one level up, in （十）'s bracket
    assert last["owner_path"] == "2.10" and last["responsible_units"] == "市文广旅游局"
    assert last["lead_units"] is None and last["units"] is None
    assert last["doc_number"] == "某府办发〔2024〕3号" and last["issuer"] == "某市人民政府办公厅"
    for row in rows["targets"]:
        assert text[row["start"] : row["end"]] == row["text"]
    for row in rows["nodes"]:
        assert text[row["start"] : row["end"]].count(row["text"].strip()[:4]) >= 1
    for row in rows["units"]:
        assert text[row["start"] : row["end"]].startswith(row["name"])
        assert row["sha256"] == rows["documents"][0]["sha256"]
    lead = [r for r in rows["units"] if r["path"] == "2.3"]
    assert [(r["unit"], r["role"]) for r in lead] == [
        ("市商务局", "lead"),
        ("市财政局", "cooperating"),
    ]


# -- batch --with-text ---------------------------------------------------------------------------


def test_batch_with_text_keeps_the_text_spans_point_into(plan: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    cli("batch", str(plan), str(NINGBO), "-o", str(out), "--with-text", "-j", "2")
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 2
    for record in records:
        source = Path(record["source"]["path"]).read_text(encoding="utf-8")
        assert record["text"] == source
        doc = policyparse.Document.model_validate(record)
        for node in doc.walk():
            for t in node.targets:
                assert source[t.span[0] : t.span[1]] == t.text
    plain = tmp_path / "plain.jsonl"
    cli("batch", str(plan), "-o", str(plain))
    assert json.loads(plain.read_text(encoding="utf-8"))["text"] is None


# -- spreadsheet formulas -------------------------------------------------------------------------

FORMULA_PLAN = (
    '=HYPERLINK("http://x","点击")行动方案\n一、目标\n二、任务\n'
    "（一）+推进就业。2025年，新增就业5万人。（责任单位：@市商务局、-市财政局）\n"
)


def test_csv_cells_that_would_run_as_formulas_are_quoted(tmp_path: Path) -> None:
    plan = tmp_path / "f.txt"
    plan.write_text(FORMULA_PLAN, encoding="utf-8")
    cli(str(plan), "--format", "csv", "-o", str(tmp_path / "t"))
    raw = "".join(
        (tmp_path / "t" / f"{name}.csv").read_text(encoding="utf-8-sig")
        for name in ("documents", "targets", "nodes", "units")
    )
    cells = [c for line in raw.splitlines() for c in line.split(",")]
    assert not [c for c in cells if c.lstrip('"').startswith(("=", "+", "@"))]
    assert "'=HYPERLINK" in raw and "'+推进就业" in raw
    cli("units", str(plan), "--format", "csv", "-o", str(tmp_path / "owners.csv"))
    owners = (tmp_path / "owners.csv").read_text(encoding="utf-8-sig")
    assert not [
        c for line in owners.splitlines() for c in line.split(",") if c.startswith(("=", "+", "@"))
    ]
    # read back, the text is as printed
    frames = policyparse.read_tables(tmp_path / "t")
    assert frames["nodes"]["text"].iloc[0].startswith("=HYPERLINK")
    assert list(frames["units"]["unit"]) == ["@市商务局", "-市财政局"]
    made = policyparse.frames(policyparse.parse_file(plan))
    for name in made:
        pd.testing.assert_frame_equal(frames[name], made[name])


# -- the nodes table: labels, kinds, its old name -------------------------------------------


def test_labels_stay_text_in_excel_and_pandas(csv_folder: Path) -> None:
    raw = (csv_folder / "nodes.csv").read_text(encoding="utf-8-sig")
    assert ",§1.," in raw  # （十）'s item 1.: Excel would read the number 1
    plain = pd.read_csv(csv_folder / "nodes.csv")
    assert "§1." in set(plain["label"].dropna()) and "§（十）" in set(plain["label"].dropna())
    labels = set(policyparse.read_tables(csv_folder)["nodes"]["label"].dropna())
    assert {"1.", "（十）", "一、"} <= labels and not [x for x in labels if x.startswith("§")]


def test_the_nodes_table_holds_every_node_with_its_kind(csv_folder: Path) -> None:
    tables = policyparse.read_tables(csv_folder)
    nodes, documents = tables["nodes"], tables["documents"]
    assert len(nodes) == documents["nodes"].iloc[0]
    assert (nodes["kind"] == "measure").sum() == documents["measures"].iloc[0]
    assert {"section", "measure", "paragraph"} <= set(nodes["kind"])


def test_a_folder_written_by_0_2_reads_back_and_the_old_name_still_works(
    csv_folder: Path, tmp_path: Path
) -> None:
    import shutil

    old = tmp_path / "old"
    shutil.copytree(csv_folder, old)
    (old / "nodes.csv").rename(old / "measures.csv")
    text = (old / "measures.csv").read_text(encoding="utf-8-sig")
    (old / "measures.csv").write_text(text.replace(",§", ","), encoding="utf-8-sig")  # 0.2
    tables = policyparse.read_tables(old)
    assert list(tables) == ["documents", "targets", "nodes", "units"]
    pd.testing.assert_frame_equal(tables["nodes"], policyparse.read_tables(csv_folder)["nodes"])
    with pytest.warns(DeprecationWarning, match="the measures table is called nodes now"):
        assert tables["measures"] is tables["nodes"]
    made = policyparse.frames(policyparse.parse(PLAN))
    with pytest.warns(DeprecationWarning):
        assert made["measures"] is made["nodes"]
    with pytest.raises(KeyError):
        made["edges"]


def test_the_comparator_is_guarded_in_csv_and_itself_everywhere_else(csv_folder: Path) -> None:
    plain = pd.read_csv(csv_folder / "targets.csv")
    assert set(plain["comparator"]) == {"'=", ">="}  # 达到5000亿元, 不少于30个
    typed = policyparse.read_tables(csv_folder)["targets"]
    assert set(typed["comparator"]) == {"=", ">="}
    made = policyparse.frames(policyparse.parse(PLAN))["targets"]
    assert set(made["comparator"]) == {"=", ">="}
    assert set(plain["comparator"].str.removeprefix("'")) == {"=", ">="}  # as docs/exports.md says


def test_tables_and_a_network_never_share_a_folder(plan: Path, tmp_path: Path) -> None:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "policyparse", *args],
            capture_output=True,
            text=True,
            timeout=120,
        )

    net = tmp_path / "net"
    assert run("network", str(plan), "-o", str(net)).returncode == 0
    r = run(str(plan), "--format", "csv", "-o", str(net))
    assert r.returncode == 2 and "holds a network (nodes.csv, edges.csv)" in r.stderr
    tables = tmp_path / "tables"
    assert run(str(plan), "--format", "csv", "-o", str(tables)).returncode == 0
    r = run("network", str(plan), "-o", str(tables))
    assert r.returncode == 2 and "holds policyparse tables" in r.stderr
    assert (tables / "nodes.csv").read_text(encoding="utf-8-sig").startswith("document,path,kind")
