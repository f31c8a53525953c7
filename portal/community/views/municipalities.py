from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from portal.community import selectors
from portal.community.models import Municipality


@require_GET
def municipality_search(request):
    """JSON for the municipality picker's type-ahead (public data; capped)."""
    results = selectors.municipality_choices(
        prefecture_code=request.GET.get("prefecture", "")[:2],
        text=request.GET.get("q", "")[:32],
    )
    return JsonResponse({"results": [{"code": m.code, "name": m.full_name} for m in results]})


@require_GET
def municipality_detail(request, code):
    municipality = get_object_or_404(
        Municipality.objects.select_related("prefecture", "parent"), code=code
    )
    requests = selectors.requests_of_municipality(user=request.user, municipality=municipality)
    context = {
        "municipality": municipality,
        "officials": selectors.verified_officials_of(municipality=municipality),
        "page": Paginator(requests, selectors.LIST_PAGE_SIZE).get_page(request.GET.get("page")),
    }
    return render(request, "community/municipality_detail.html", context)
