"""Import population and area figures of municipalities from a CSV file (all or nothing).

Columns (UTF-8, with or without BOM; first line is the header):

    code,population,as_of,area_km2,source

* code — the 6-digit 全国地方公共団体コード with its check digit (e.g. 102016);
* population — residents, a whole number > 0 (thousands separators allowed: "330,000" quoted);
* as_of — the reference date of the population, YYYY-MM-DD, not in the future;
* area_km2 — area in km², > 0, up to two decimals; may be empty;
* source — where the figures come from (at most 200 characters), e.g. 住民基本台帳に基づく人口.

Any bad row stops the import: each error names its line and nothing is written.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from portal.community.services.profiles import (
    ProfileImportError,
    municipality_profiles_import,
    parse_profiles,
)


class Command(BaseCommand):
    help = "Import municipality population/area figures from CSV (code,population,as_of,area_km2,source)."

    def add_arguments(self, parser):
        parser.add_argument("path", help="CSV file, UTF-8")
        parser.add_argument(
            "--dry-run", action="store_true", help="Check every row and write nothing."
        )

    def handle(self, *args, path, dry_run=False, **options):
        try:
            text = Path(path).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {path}: {error}") from error
        try:
            if dry_run:
                parsed, errors = parse_profiles(text)
                if errors:
                    raise ProfileImportError(errors)
                self.stdout.write(f"{len(parsed)} rows are valid; nothing was written (dry run).")
                return
            count = municipality_profiles_import(text=text, label=Path(path).name)
        except ProfileImportError as error:
            for row_error in error.errors:
                self.stderr.write(f"{path}:{row_error.line}: {row_error.message}")
            raise CommandError(f"{len(error.errors)} error(s); nothing was imported.") from error
        self.stdout.write(self.style.SUCCESS(f"Imported figures for {count} municipalities."))
