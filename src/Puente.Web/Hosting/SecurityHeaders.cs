namespace Puente.Web.Hosting;

internal static class SecurityHeaders
{
    /// <summary>
    /// A strict policy everywhere: no inline script or style, nothing from other origins. The API
    /// reference is a third-party UI that needs inline script, so only its path gets a looser one.
    /// </summary>
    public static IApplicationBuilder UsePuenteSecurityHeaders(this IApplicationBuilder app)
    {
        var strict = new HeaderPolicyCollection()
            .AddDefaultSecurityHeaders()
            .AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().Self();
                csp.AddScriptSrc().Self();
                csp.AddStyleSrc().Self();
                csp.AddImgSrc().Self().Data();
                csp.AddConnectSrc().Self();
                csp.AddFontSrc().Self();
                csp.AddObjectSrc().None();
                csp.AddBaseUri().Self();
                csp.AddFormAction().Self();
                csp.AddFrameAncestors().None();
            })
            .AddPermissionsPolicyWithDefaultSecureDirectives()
            .AddCrossOriginOpenerPolicy(p => p.SameOrigin());

        var apiReference = new HeaderPolicyCollection()
            .AddDefaultSecurityHeaders()
            .AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().Self();
                csp.AddScriptSrc().Self().UnsafeInline();
                csp.AddStyleSrc().Self().UnsafeInline();
                csp.AddImgSrc().Self().Data();
                csp.AddFontSrc().Self().Data();
                csp.AddConnectSrc().Self();
                csp.AddObjectSrc().None();
                csp.AddFrameAncestors().None();
            });

        app.UseWhen(c => c.Request.Path.StartsWithSegments("/scalar"), b => b.UseSecurityHeaders(apiReference));
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/scalar"), b => b.UseSecurityHeaders(strict));
        return app;
    }
}
