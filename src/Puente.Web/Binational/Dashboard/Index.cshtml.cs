using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;
using Puente.Web.Accounts;
using Puente.Web.Binational.Figures;
using Puente.Web.Database;

namespace Puente.Web.Binational.Dashboard;

/// <summary>The binational dashboard for analysts and administrators, protection caseload included.</summary>
[Authorize(Roles = Roles.Analyst + "," + Roles.Admin)]
internal sealed class IndexModel(GetPeriodFigures get, PuenteDb db, IStringLocalizer<SharedResource> text, TimeProvider clock)
    : FiguresPageModel(get, db, text, clock)
{
    protected override bool WithProtection => true;
}
