"""Municipality profile figures: population (with its reference date and source) and area.

* `municipality_profiles_import` reads a CSV with the columns `PROFILE_COLUMNS` and applies it
  all or nothing: any bad row stops the import and every error names its line.
* `municipality_profile_update` is the edit form's write: moderators and the municipality's own
  verified officials only; every change leaves an audit entry.
"""

import csv
import datetime
import io
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.community.models import Municipality
from portal.community.validators import is_valid_local_government_code
from portal.core.audit import audit_record, snapshot
from portal.core.text import has_unstorable_characters

PROFILE_COLUMNS = ("code", "population", "as_of", "area_km2", "source")
PROFILE_FIELDS = ("population", "population_as_of", "area_km2", "population_source")
SOURCE_MAX = 200

NOT_PROFILE_EDITOR = _(
    "Only moderators and verified officials of this municipality can edit its figures."
)
BAD_HEADER = _("The first line must be the column names: %(columns)s.")
UNKNOWN_CODE = _("No local government has the code %(code)s.")
BAD_CODE = _("“%(code)s” is not a 6-digit local government code with a valid check digit.")
DUPLICATE_CODE = _("The code %(code)s already appeared on line %(line)d.")
BAD_POPULATION = _("The population must be a whole number greater than 0.")
BAD_DATE = _("The reference date must be a date written as YYYY-MM-DD, not in the future.")
BAD_AREA = _("The area must be a number of km² greater than 0 (or empty).")
NO_SOURCE = _("Name the source of the figures (at most %(max)d characters).")
BAD_TEXT = _("The line contains characters that cannot be saved.")
WRONG_COLUMNS = _("The line has %(found)d values; %(expected)d are expected.")


@dataclass(frozen=True)
class RowError:
    line: int
    message: str

    def __str__(self):
        return f"{self.line}: {self.message}"


class ProfileImportError(Exception):
    """The import was refused; nothing was written. `errors` lists each bad line."""

    def __init__(self, errors: list[RowError]):
        super().__init__("\n".join(str(error) for error in errors))
        self.errors = errors


def _population(text: str) -> int:
    value = int(text.replace(",", "").strip())
    if value <= 0:
        raise ValueError(text)
    return value


def _as_of(text: str) -> datetime.date:
    value = datetime.date.fromisoformat(text.strip())
    if value > timezone.localdate():
        raise ValueError(text)
    return value


def _area(text: str) -> Decimal | None:
    if not text.strip():
        return None
    value = Decimal(text.strip())
    if not value.is_finite() or value <= 0 or value >= Decimal("1000000"):
        raise InvalidOperation(text)
    return value.quantize(Decimal("0.01"))


def _parse_row(row: dict) -> tuple[dict, list[str]]:
    """One row's values and its problems (messages, without the line number)."""
    problems, values = [], {}
    for key, parse, message, field in (
        ("population", _population, BAD_POPULATION, "population"),
        ("as_of", _as_of, BAD_DATE, "population_as_of"),
        ("area_km2", _area, BAD_AREA, "area_km2"),
    ):
        try:
            values[field] = parse(row.get(key) or "")
        except (ValueError, InvalidOperation):
            problems.append(str(message))
    source = (row.get("source") or "").strip()
    if not source or len(source) > SOURCE_MAX:
        problems.append(str(NO_SOURCE % {"max": SOURCE_MAX}))
    values["population_source"] = source
    return values, problems


def _code_problem(code: str, known: set, seen: dict) -> str | None:
    if not is_valid_local_government_code(code):
        return str(BAD_CODE % {"code": code})
    if code not in known:
        return str(UNKNOWN_CODE % {"code": code})
    if code in seen:
        return str(DUPLICATE_CODE % {"code": code, "line": seen[code]})
    return None


def parse_profiles(text: str) -> tuple[dict[str, dict], list[RowError]]:
    """Values by code and the errors of `text` (CSV); reads the database once for the codes."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    header = [name.strip() for name in next(reader, [])]
    if tuple(header) != PROFILE_COLUMNS:
        return {}, [RowError(1, str(BAD_HEADER % {"columns": ",".join(PROFILE_COLUMNS)}))]
    known = set(Municipality.objects.values_list("code", flat=True))
    parsed, errors, seen = {}, [], {}
    for cells in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        problems = _row_problems(cells, known, seen)
        if not problems:
            values, problems = _parse_row(dict(zip(PROFILE_COLUMNS, cells, strict=True)))
            seen[cells[0].strip()] = line
            parsed[cells[0].strip()] = values
        errors.extend(RowError(line, problem) for problem in problems)
    return parsed, errors


def _row_problems(cells: list, known: set, seen: dict) -> list[str]:
    if len(cells) != len(PROFILE_COLUMNS):
        return [str(WRONG_COLUMNS % {"found": len(cells), "expected": len(PROFILE_COLUMNS)})]
    if has_unstorable_characters(cells):
        return [str(BAD_TEXT)]
    problem = _code_problem(cells[0].strip(), known, seen)
    return [problem] if problem else []


def municipality_profiles_import(*, text: str, actor=None, label: str = "") -> int:
    """Apply every row of `text` or none (raises ProfileImportError); returns the row count."""
    parsed, errors = parse_profiles(text)
    if errors:
        raise ProfileImportError(errors)
    with transaction.atomic():
        rows = list(Municipality.objects.filter(code__in=parsed).select_for_update())
        changed = [row for row in rows if _apply_profile(row, parsed[row.code])]
        Municipality.objects.bulk_update(changed, list(PROFILE_FIELDS), batch_size=500)
        # The audit log records changes: importing the same file again (the demo seed does on
        # every start) changes nothing and leaves no entry.
        if changed:
            audit_record(
                actor=actor,
                action="municipality_profiles_imported",
                reason=label,
                after={
                    "rows": len(rows),
                    "changed": len(changed),
                    "codes": sorted(row.code for row in changed)[:50],
                },
            )
    return len(rows)


def _apply_profile(municipality: Municipality, values: dict) -> bool:
    """Set `values` on `municipality`; whether anything differed."""
    differs = False
    for field, value in values.items():
        if getattr(municipality, field) != value:
            setattr(municipality, field, value)
            differs = True
    return differs


def can_edit_profile(user, municipality: Municipality) -> bool:
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_moderator:
        return True
    return bool(
        user.is_verified_official and user.official_profile.municipality_id == municipality.code
    )


def municipality_profile_update(
    *,
    municipality: Municipality,
    actor,
    population: int | None,
    population_as_of: datetime.date | None,
    population_source: str,
    area_km2: Decimal | None,
) -> Municipality:
    """Edit a municipality's figures (moderators, its verified officials); audited."""
    if not can_edit_profile(actor, municipality):
        raise PermissionDenied(NOT_PROFILE_EDITOR)
    profile_requires_source(
        population=population,
        population_source=population_source,
        population_as_of=population_as_of,
    )
    with transaction.atomic():
        municipality = Municipality.objects.select_for_update().get(pk=municipality.pk)
        before = snapshot(municipality, PROFILE_FIELDS)
        municipality.population = population
        municipality.population_as_of = population_as_of
        municipality.population_source = population_source.strip()
        municipality.area_km2 = area_km2
        municipality.full_clean()
        municipality.save(update_fields=list(PROFILE_FIELDS))
        after = snapshot(municipality, PROFILE_FIELDS)
        if before != after:
            audit_record(
                actor=actor,
                action="municipality_profile_updated",
                target=municipality,
                before=before,
                after=after,
            )
    return municipality


NEEDS_DATE = _("Give the date the population figure refers to.")


def profile_requires_source(*, population, population_source, population_as_of=None) -> None:
    """A population without its source and date cannot be judged."""
    errors = {}
    if population is not None and not (population_source or "").strip():
        errors["population_source"] = NO_SOURCE % {"max": SOURCE_MAX}
    if population is not None and population_as_of is None:
        errors["population_as_of"] = NEEDS_DATE
    if errors:
        raise ValidationError(errors)
