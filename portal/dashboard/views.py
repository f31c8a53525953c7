"""The community dashboard: a public summary page and the moderators' page in the Wagtail admin,
with one CSV per figure. Views only pick the figures the viewer may read and render them."""

import csv

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from portal.accounts.admin_queues import ModeratorOnlyMixin
from portal.core.csv import csv_cell
from portal.dashboard import charts, figures


def dashboard_context(*, moderator: bool, period_value) -> dict:
    period = figures.period_from(period_value)
    shown = figures.figures_for(moderator=moderator)
    data = figures.build_all(shown, since=period.since)
    context = {
        "period": period,
        "periods": figures.periods(),
        "figures": {figure.slug: figure for figure in shown},
        "data": data,
        "funnel_rows": [
            (stage, figures.FUNNEL_LABELS[stage.key], width)
            for stage, width in charts.with_bars(data["funnel"])
        ],
        "timing_rows": [
            (duration, figures.DURATION_LABELS[duration.key]) for duration in data["timing"]
        ],
        "category_bars": charts.with_bars(data["categories"]),
        "prefecture_bars": charts.with_bars(data["prefectures"]),
        "month_chart": charts.month_columns(data["months"]),
    }
    if "events" in data:
        context["event_bars"] = charts.fill_bars(data["events"])
    return context


def csv_response(*, figure, period_value) -> HttpResponse:
    """The figure as CSV: UTF-8 with a BOM (spreadsheet software in Japan then reads it as
    UTF-8), headers in the active language, text cells guarded against formulas."""
    period = figures.period_from(period_value)
    headers, rows = figure.table(figure.build(period.since))
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="dashboard-{figure.slug}-{period.key}.csv"'
    )
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow([str(header) for header in headers])
    for row in rows:
        writer.writerow([cell if isinstance(cell, int | float) else csv_cell(cell) for cell in row])
    return response


@require_GET
def public_dashboard(request):
    context = dashboard_context(moderator=False, period_value=request.GET.get("period"))
    return render(request, "dashboard/public.html", context)


@require_GET
def public_csv(request, slug):
    """Public figures only, for everyone (moderators read the others in the admin)."""
    figure = figures.figure_get(slug=slug, moderator=False)
    if figure is None:
        raise Http404
    return csv_response(figure=figure, period_value=request.GET.get("period"))


class AdminDashboardView(ModeratorOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    page_title = gettext_lazy("Community figures")
    header_icon = "table"
    template_name = "dashboard/admin.html"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = dashboard_context(moderator=True, period_value=self.request.GET.get("period"))
        return super().get_context_data(**context, **kwargs)


class AdminCsvView(ModeratorOnlyMixin, TemplateView):
    def get(self, request, slug):
        figure = figures.figure_get(slug=slug, moderator=True)
        if figure is None:
            raise Http404
        return csv_response(figure=figure, period_value=request.GET.get("period"))
