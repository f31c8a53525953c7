from urllib.parse import urlencode

from django.shortcuts import render
from django.views.decorators.http import require_GET

from portal.core.page_cache import anonymous_page_cache
from portal.core.pagination import CappedPaginator
from portal.sitesearch import sources as site

MAX_QUERY_LENGTH = 100


@require_GET
@anonymous_page_cache
def site_search(request):
    """All sources at a glance, or one source paginated when `type` names it."""
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    selected = request.GET.get("type", "")
    selected = selected if selected in site.SOURCE_KEYS else ""
    context = {"q": query, "selected": selected, "sources": site.SOURCES}
    if query and selected:
        results = site.source_results(selected, user=request.user, query=query)
        context["page"] = CappedPaginator(results, site.PAGE_SIZE).get_page(request.GET.get("page"))
        context["query_string"] = urlencode({"q": query, "type": selected})
    elif query:
        context["groups"] = [
            (
                source,
                list(
                    site.source_results(source.key, user=request.user, query=query)[
                        : site.RESULTS_PER_SOURCE
                    ]
                ),
            )
            for source in site.SOURCES
        ]
    return render(request, "sitesearch/site_search.html", context)
