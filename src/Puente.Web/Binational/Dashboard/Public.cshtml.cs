using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;
using Puente.Web.Binational.Figures;
using Puente.Web.Database;

namespace Puente.Web.Binational.Dashboard;

/// <summary>The public dashboard: the same figures without any protection figure.</summary>
[AllowAnonymous]
internal sealed class PublicModel(GetPeriodFigures get, PuenteDb db, IStringLocalizer<SharedResource> text, TimeProvider clock)
    : FiguresPageModel(get, db, text, clock)
{
    protected override bool WithProtection => false;
}
