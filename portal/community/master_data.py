"""Loads prefectures and municipalities from the CSV shipped beside this module (data/README)."""

import csv
from pathlib import Path

from portal.community.validators import is_valid_local_government_code

DATA_FILE = Path(__file__).parent / "data" / "municipalities.csv"

# JIS X 0401 order: (English name, region)
PREFECTURES = {
    "01": ("Hokkaido", "hokkaido"),
    "02": ("Aomori", "tohoku"),
    "03": ("Iwate", "tohoku"),
    "04": ("Miyagi", "tohoku"),
    "05": ("Akita", "tohoku"),
    "06": ("Yamagata", "tohoku"),
    "07": ("Fukushima", "tohoku"),
    "08": ("Ibaraki", "kanto"),
    "09": ("Tochigi", "kanto"),
    "10": ("Gunma", "kanto"),
    "11": ("Saitama", "kanto"),
    "12": ("Chiba", "kanto"),
    "13": ("Tokyo", "kanto"),
    "14": ("Kanagawa", "kanto"),
    "15": ("Niigata", "chubu"),
    "16": ("Toyama", "chubu"),
    "17": ("Ishikawa", "chubu"),
    "18": ("Fukui", "chubu"),
    "19": ("Yamanashi", "chubu"),
    "20": ("Nagano", "chubu"),
    "21": ("Gifu", "chubu"),
    "22": ("Shizuoka", "chubu"),
    "23": ("Aichi", "chubu"),
    "24": ("Mie", "kinki"),
    "25": ("Shiga", "kinki"),
    "26": ("Kyoto", "kinki"),
    "27": ("Osaka", "kinki"),
    "28": ("Hyogo", "kinki"),
    "29": ("Nara", "kinki"),
    "30": ("Wakayama", "kinki"),
    "31": ("Tottori", "chugoku"),
    "32": ("Shimane", "chugoku"),
    "33": ("Okayama", "chugoku"),
    "34": ("Hiroshima", "chugoku"),
    "35": ("Yamaguchi", "chugoku"),
    "36": ("Tokushima", "shikoku"),
    "37": ("Kagawa", "shikoku"),
    "38": ("Ehime", "shikoku"),
    "39": ("Kochi", "shikoku"),
    "40": ("Fukuoka", "kyushu"),
    "41": ("Saga", "kyushu"),
    "42": ("Nagasaki", "kyushu"),
    "43": ("Kumamoto", "kyushu"),
    "44": ("Oita", "kyushu"),
    "45": ("Miyazaki", "kyushu"),
    "46": ("Kagoshima", "kyushu"),
    "47": ("Okinawa", "kyushu"),
}


def read_rows(path: Path = DATA_FILE) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    invalid = [row["code"] for row in rows if not is_valid_local_government_code(row["code"])]
    if invalid:
        raise ValueError(f"Invalid local government codes in {path.name}: {invalid[:5]}")
    return rows


def load_municipalities(prefecture_model, municipality_model) -> int:
    """Create or update every prefecture and municipality; returns the number of municipalities.

    Takes the model classes so data migrations can pass their historical models.
    """
    rows = read_rows()
    for row in rows:
        if row["kind"] == "prefecture":
            code = row["code"][:2]
            name_en, region = PREFECTURES[code]
            prefecture_model.objects.update_or_create(
                code=code, defaults={"name": row["name"], "name_en": name_en, "region": region}
            )
    existing = set(municipality_model.objects.values_list("code", flat=True))
    created = []
    for row in rows:
        values = {
            "name": row["name"],
            "kana": row["kana"],
            "kind": row["kind"],
            "prefecture_id": row["prefecture_code"][:2],
            "parent_id": row["parent_code"] or None,
        }
        if row["code"] in existing:
            municipality_model.objects.filter(code=row["code"]).update(**values)
        else:
            created.append(municipality_model(code=row["code"], **values))
    # Cities precede their wards in the file, so parents are inserted first.
    municipality_model.objects.bulk_create(created, batch_size=500)
    return len(rows)
