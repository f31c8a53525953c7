import pytest

from portal.community.master_data import read_rows
from portal.community.models import Municipality, MunicipalityKind, Prefecture
from portal.community.validators import is_valid_local_government_code, local_government_check_digit
from portal.startups.validators import is_valid_corporate_number


@pytest.mark.parametrize(
    ("code", "valid"),
    [
        ("131016", True),  # 東京都千代田区
        ("011002", True),  # 札幌市
        ("010006", True),  # 北海道
        ("221384", True),  # 浜松市中央区 (2024)
        ("131017", False),  # wrong check digit
        ("13101", False),
        ("1310166", False),
        ("１３１０１６", False),  # full-width digits
        ("abcdef", False),
    ],
)
def test_local_government_code_check_digit(code, valid):
    assert is_valid_local_government_code(code) is valid


def test_check_digit_when_remainder_is_zero_or_one():
    # 33 % 11 == 0 → 1 (塩尻市 20215-1); remainder 1 → 10 → 0 (埼玉県 11000-1? no: 110001)
    assert local_government_check_digit("20215") == 1
    assert local_government_check_digit("11000") == 1
    assert local_government_check_digit("01205") == 0  # 室蘭市 012050


@pytest.mark.parametrize(
    ("number", "valid"),
    [
        ("7000012050002", True),
        ("1000012050002", False),
        ("700001205000", False),
        ("70000120500a2", False),
    ],
)
def test_corporate_number_check_digit(number, valid):
    assert is_valid_corporate_number(number) is valid


def test_data_file_codes_are_all_valid_and_unique():
    rows = read_rows()
    codes = [row["code"] for row in rows]
    assert len(codes) == len(set(codes))


@pytest.mark.django_db
def test_migrate_loads_every_local_government():
    counts = {
        kind: Municipality.objects.filter(kind=kind).count() for kind in MunicipalityKind.values
    }
    assert Prefecture.objects.count() == 47
    assert counts[MunicipalityKind.PREFECTURE] == 47
    municipal = (
        counts[MunicipalityKind.CITY]
        + counts[MunicipalityKind.TOWN]
        + counts[MunicipalityKind.VILLAGE]
        + counts[MunicipalityKind.SPECIAL_WARD]
    )
    assert municipal == 1741
    assert counts[MunicipalityKind.SPECIAL_WARD] == 23
    assert counts[MunicipalityKind.WARD] == 171
    designated = Municipality.objects.filter(wards__isnull=False).distinct().count()
    assert designated == 20


@pytest.mark.django_db
def test_full_names_read_naturally():
    assert Municipality.objects.get(code="141003").full_name == "神奈川県横浜市"
    ward = Municipality.objects.select_related("parent", "prefecture").get(code="221384")
    assert ward.full_name == "静岡県浜松市中央区"
    assert Municipality.objects.get(code="130001").full_name == "東京都"


@pytest.mark.django_db
def test_picker_search_matches_kanji_and_hiragana(client):
    by_kana = client.get("/ja/municipalities/search/", {"q": "かまくら"}).json()["results"]
    assert {"code": "142042", "name": "神奈川県鎌倉市"} in by_kana
    in_pref = client.get("/ja/municipalities/search/", {"prefecture": "47", "q": "石垣"}).json()
    assert [r["name"] for r in in_pref["results"]] == ["沖縄県石垣市"]
    assert client.get("/ja/municipalities/search/").json() == {"results": []}


@pytest.mark.django_db
def test_municipality_page_and_unknown_code(client, official):
    page = client.get("/ja/municipalities/102016/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "群馬県前橋市" in html and official.display_name in html
    assert client.get("/ja/municipalities/999999/").status_code == 404
    assert client.get("/ja/municipalities/12345/").status_code == 404
