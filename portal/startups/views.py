from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from portal.startups.models import Startup


@require_GET
def startup_detail(request, slug):
    startup = get_object_or_404(Startup.objects.select_related("hq_prefecture"), slug=slug)
    return render(request, "startups/startup_detail.html", {"startup": startup})
