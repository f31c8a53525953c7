"""Forms of the stage tracker. They parse input; the services decide and write."""

from django import forms
from django.forms import modelform_factory
from django.utils.translation import gettext_lazy as _

from portal.community.forms import DateInput
from portal.community.models.support_requests import deadline_today
from portal.core.uploads import UploadField
from portal.stages.models import STAGE_ORDER, CoCreation, Kpi, Stage, StopReason, stage_index
from portal.stages.services import PROPOSABLE_FIELDS, STAGE_FIELDS

RESULTS_STAGES = {Stage.POC, Stage.EVALUATION}


def _date(label, *, required=True, help_text=""):
    return forms.DateField(label=label, required=required, widget=DateInput(), help_text=help_text)


class AdvanceForm(forms.Form):
    entered_on = _date(
        _("Date the next stage began"), help_text=_("Today or earlier (Japan time).")
    )
    planned_end = _date(
        _("Planned end of the next stage"),
        required=False,
        help_text=_("Everyone is reminded once if the stage is still open after this date."),
    )
    lessons = forms.CharField(
        label=_("Lessons learned"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Shown on the completed request: what would help the next municipality?"),
    )

    def __init__(self, *args, tracker: CoCreation, **kwargs):
        kwargs.setdefault("initial", {"entered_on": deadline_today()})
        super().__init__(*args, **kwargs)
        self.fields["note"] = _note()
        if tracker.next_stage == Stage.ADOPTION:
            del self.fields["planned_end"]
        else:
            del self.fields["lessons"]


def _note():
    return forms.CharField(
        label=_("Note (shown in the history)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class StopForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Why does the co-creation stop?"), choices=StopReason.choices
    )
    stopped_on = _date(_("Decided on"))
    lessons = forms.CharField(
        label=_("Lessons learned"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What would help another municipality facing the same problem?"),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"stopped_on": deadline_today()})
        super().__init__(*args, **kwargs)
        self.fields["note"] = _note()


def details_form_class(stage: str):
    """A form for the details of `stage` (fields of CoCreation) with date pickers."""
    fields = STAGE_FIELDS[stage]
    widgets = {name: DateInput() for name in fields if _is_date(name)}
    return modelform_factory(CoCreation, fields=fields, widgets=widgets)


def _is_date(name: str) -> bool:
    return name.endswith("_on") or name.startswith("poc_planned") or name.startswith("poc_actual")


def details_form(stage: str, *, tracker: CoCreation, data=None):
    form = details_form_class(stage)(data, instance=tracker)
    if "budget_subsidy" in form.fields:
        field = form.fields["budget_subsidy"]
        # The Japanese originals (the tracker links the page editors own, listed once).
        field.queryset = field.queryset.filter(live=True).originals().order_by("title")
    if stage == tracker.stage and stage != Stage.POC:
        period = next((p for p in tracker.periods.all() if p.stage == stage), None)
        form.fields["planned_end"] = _date(
            _("Planned end of this stage"),
            required=False,
            help_text=_("Everyone is reminded once if the stage is still open after this date."),
        )
        form.initial["planned_end"] = period.planned_end if period else None
    form.fields["note"] = _note()
    return form


class KpiForm(forms.ModelForm):
    class Meta:
        model = Kpi
        fields = ["name", "unit", "target", "higher_is_better"]
        help_texts = {"name": _("e.g. オンライン申請率"), "unit": _("e.g. %, 分, 件")}


class KpiResultsForm(forms.Form):
    def __init__(self, *args, kpis, **kwargs):
        super().__init__(*args, **kwargs)
        for kpi in kpis:
            unit = f" ({kpi.unit})" if kpi.unit else ""
            self.fields[f"kpi_{kpi.pk}"] = forms.DecimalField(
                label=f"{kpi.name}{unit}",
                required=False,
                max_digits=14,
                decimal_places=2,
                initial=kpi.result,
                help_text=_("Target: %(target)s") % {"target": kpi.target.normalize()},
            )

    def results(self) -> dict:
        return {int(name[4:]): value for name, value in self.cleaned_data.items()}


class ProposeForm(forms.Form):
    """A selected startup's proposed update: dates of the stages reached, KPI results during
    the PoC and its evaluation, and/or one document."""

    def __init__(self, *args, tracker: CoCreation, kpis, **kwargs):
        super().__init__(*args, **kwargs)
        reached = STAGE_ORDER[: stage_index(tracker.stage) + 1]
        for stage in reached:
            for name in STAGE_FIELDS[stage]:
                if name in PROPOSABLE_FIELDS:
                    model_field = CoCreation._meta.get_field(name)
                    self.fields[name] = _date(
                        f"{Stage(stage).label}: {model_field.verbose_name}",
                        required=False,
                        help_text=_("Now: %(value)s")
                        % {"value": getattr(tracker, name) or _("not recorded")},
                    )
        if tracker.stage in RESULTS_STAGES:
            for kpi in kpis:
                self.fields[f"kpi:{kpi.pk}"] = forms.DecimalField(
                    label=_("KPI result: %(name)s") % {"name": kpi.name},
                    required=False,
                    max_digits=14,
                    decimal_places=2,
                    help_text=_("Target: %(target)s%(unit)s")
                    % {"target": kpi.target.normalize(), "unit": kpi.unit},
                )
        self.fields["document_title"] = forms.CharField(
            label=_("Document title"), required=False, max_length=120
        )
        self.fields["file"] = UploadField(label=_("Document (optional)"), required=False)
        self.fields["note"] = _note()

    def changes(self) -> dict:
        skip = {"document_title", "file", "note"}
        return {
            name: value.isoformat() if hasattr(value, "isoformat") else str(value)
            for name, value in self.cleaned_data.items()
            if name not in skip and value not in (None, "")
        }


class DocumentForm(forms.Form):
    stage = forms.ChoiceField(label=_("Stage"))
    title = forms.CharField(
        label=_("Title"), max_length=120, help_text=_("e.g. 実証協定書（締結版）")
    )
    file = UploadField(label=_("File"))

    def __init__(self, *args, tracker: CoCreation, **kwargs):
        kwargs.setdefault("initial", {"stage": tracker.stage})
        super().__init__(*args, **kwargs)
        reached = STAGE_ORDER[: stage_index(tracker.stage) + 1]
        self.fields["stage"].choices = [(s, Stage(s).label) for s in reached]


class DecisionForm(forms.Form):
    note = forms.CharField(
        label=_("Answer to the startup (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
