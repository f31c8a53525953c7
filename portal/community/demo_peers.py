"""Demo figures for peer municipalities (類似団体): population and area of the demo municipalities
and of enough others that their peer lists make sense.

The figures in `data/demo_profiles.csv` are rounded approximations for demonstration, labelled
as such in their source column; they are not official statistics (see data/README.md).
"""

from pathlib import Path

from portal.community.services.profiles import municipality_profiles_import

DEMO_PROFILES = Path(__file__).parent / "data" / "demo_profiles.csv"


def seed(stdout) -> None:
    count = municipality_profiles_import(
        text=DEMO_PROFILES.read_text(encoding="utf-8"), label="seed_demo"
    )
    stdout.write(f"Municipality figures: {count} demo rows")
