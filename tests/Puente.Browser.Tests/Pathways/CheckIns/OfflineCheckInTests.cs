using System.Buffers.Text;
using System.Text;
using Microsoft.Playwright;
using Puente.Browser.Tests.Infrastructure;

namespace Puente.Browser.Tests.Pathways.CheckIns;

/// <summary>
/// The officer at San Ysidro with the network down, through the shipped offline-checkin.js: a pass is
/// queued only when its signature holds under the published keys, it is for a port the officer holds,
/// it is for today at that port by the device's clock, and this device has not queued it before.
/// </summary>
public sealed class OfflineCheckInTests(BrowserFixture fixture)
{
    private const string QueueKey = "puente.checkinQueue";

    [Fact]
    public async Task Offline_the_pass_is_verified_on_the_device_queued_and_synced_when_the_connection_returns()
    {
        var day = await fixture.DrawnDay;
        var pass = await day.PassText(DrawnDay.CheckedInOffline);
        await using var context = await fixture.NewContextAsync(day.Server);
        var page = await OfflineCheckIn(context, day);

        await Verify(page, pass);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Firma válida" }))
            .ToContainTextAsync("Firma válida (verificada en este dispositivo). 2504 · 2026-12-01");
        await Assertions.Expect(page.GetByText("RO · 1985")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Registrar provisionalmente" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Registrado provisionalmente" })).ToBeVisibleAsync();
        await Assertions.Expect(Pending(page)).ToHaveCountAsync(1);
        Assert.Equal("booked", (await day.Appointment(DrawnDay.CheckedInOffline)).GetProperty("status").GetString());

        await context.SetOfflineAsync(false);
        // The sync starts on the browser's "online" event and waits for the server: on a busy machine
        // that takes longer than an assertion's usual five seconds.
        await Assertions.Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Sincronizado" }))
            .ToHaveTextAsync("Sincronizado: el servidor confirmó el registro.", new() { Timeout = 30_000 });
        await Assertions.Expect(Pending(page)).ToHaveCountAsync(0);
        Assert.Equal("checkedIn", (await day.Appointment(DrawnDay.CheckedInOffline)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Offline_a_pass_with_one_character_of_its_payload_changed_is_refused_and_not_queued()
    {
        var day = await fixture.DrawnDay;
        var tampered = WithOneCharacterChanged(await day.PassText(DrawnDay.Booked));
        await using var context = await fixture.NewContextAsync(day.Server);
        var page = await OfflineCheckIn(context, day);

        await AssertRefusedAndNothingQueued(page, tampered, "La firma del pase no es válida: fue alterado o no lo emitió Puente.");
    }

    [Fact]
    public async Task Offline_the_high_s_twin_of_a_valid_signature_is_refused_as_the_server_refuses_it()
    {
        var day = await fixture.DrawnDay;
        var twin = WithHighS(await day.PassText(DrawnDay.Booked));
        await using var context = await fixture.NewContextAsync(day.Server);
        var page = await OfflineCheckIn(context, day);

        await AssertRefusedAndNothingQueued(page, twin, "La firma del pase no es válida: fue alterado o no lo emitió Puente.");
    }

    [Fact]
    public async Task Offline_a_pass_for_a_port_the_officer_does_not_hold_is_refused_and_not_queued()
    {
        var day = await fixture.DrawnDay;
        var pass = await day.PassText(DrawnDay.BookedAtCalexico);
        await using var context = await fixture.NewContextAsync(day.Server);
        var page = await OfflineCheckIn(context, day);

        await AssertRefusedAndNothingQueued(page, pass, "Este pase es para el puerto 2503, donde usted no está asignado.");
    }

    [Fact]
    public async Task Offline_a_pass_for_another_date_is_refused_and_not_queued()
    {
        var day = await fixture.DrawnDay;
        var pass = await day.PassText(DrawnDay.BookedTomorrow);
        await using var context = await fixture.NewContextAsync(day.Server);
        var page = await OfflineCheckIn(context, day);

        await AssertRefusedAndNothingQueued(page, pass, "Este pase es para el 2026-12-02; hoy en el puerto es 2026-12-01.");
    }

    [Fact]
    public async Task Offline_a_pass_already_queued_on_this_device_is_refused_when_presented_again()
    {
        var day = await fixture.DrawnDay;
        var pass = await day.PassText(DrawnDay.QueuedOffline);
        await using var context = await fixture.NewContextAsync(day.Server);
        var page = await OfflineCheckIn(context, day);
        await Verify(page, pass);
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrar provisionalmente" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Registrado provisionalmente" })).ToBeVisibleAsync();
        await Assertions.Expect(Pending(page)).ToHaveCountAsync(1);

        await AssertRefusedAndNothingQueued(page, pass, "Este pase ya se registró en este dispositivo.");
    }

    [Fact]
    public async Task The_kept_manifest_names_the_group_offline_refuses_a_pass_no_longer_live_and_is_gone_after_midnight()
    {
        var day = await fixture.DrawnDay;
        var booked = await day.PassText(DrawnDay.Booked);
        var cancelled = await day.PassText(DrawnDay.CancelledBeforeTheBooth);
        using (var applicant = await day.ClientFor(DrawnDay.CancelledBeforeTheBooth))
        {
            var id = (await day.Appointment(DrawnDay.CancelledBeforeTheBooth)).GetProperty("id").GetString();
            Assert.True((await applicant.PostAsync($"/api/appointments/{id}/cancel", null, TestContext.Current.CancellationToken)).IsSuccessStatusCode);
        }
        await using var context = await fixture.NewContextAsync(day.Server);
        var page = await DrawnDay.SignedInPage(context, DrawnDay.Officer);
        await page.Clock.SetFixedTimeAsync(day.Clock.GetUtcNow().UtcDateTime);
        await page.GotoAsync("/Officer/CheckIn");
        await Assertions.Expect(page.GetByText("No hay manifiesto en este dispositivo", new() { Exact = false })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Guardar el manifiesto de hoy" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Manifiesto guardado" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Manifiesto del puerto 2504 guardado cifrado hasta 2026-12-02 00:00 (hora del puerto).")).ToBeVisibleAsync();
        // What the device stores is ciphertext: no name of the day's travellers in it.
        var stored = await page.EvaluateAsync<string>(StoredManifestScript);
        Assert.DoesNotContain("Joseph", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("1979", stored, StringComparison.Ordinal);

        await context.SetOfflineAsync(true);
        await Verify(page, booked);
        await Assertions.Expect(page.GetByText("Viajeros según el registro (manifiesto guardado):")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Wilner Joseph · 1979-01-30", new() { Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Marie Joseph · 2010-12-24", new() { Exact = false })).ToBeVisibleAsync();
        await AssertRefusedAndNothingQueued(page, cancelled,
            "Este pase no está en el manifiesto de hoy: fue reemplazado, cancelado o no existe. No lo admita sin verificarlo en línea.");

        // Past the port's midnight the manifest and its key are deleted when the page opens.
        await context.SetOfflineAsync(false);
        await page.Clock.SetFixedTimeAsync(new DateTime(2026, 12, 2, 8, 1, 0, DateTimeKind.Utc));
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByText("No hay manifiesto en este dispositivo", new() { Exact = false })).ToBeVisibleAsync();
        Assert.Equal("0 manifests, 0 keys", await page.EvaluateAsync<string>(StoredCountScript));
    }

    private const string OpenStore = """
        const db = await new Promise((resolve, reject) => { const r = indexedDB.open('puente-booth', 1); r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
        const all = (store) => new Promise((resolve) => { const r = db.transaction(store).objectStore(store).getAll(); r.onsuccess = () => resolve(r.result); });
        """;

    /// <summary>Everything stored for the manifest, bytes read as text, the way someone copying the browser's storage would.</summary>
    private const string StoredManifestScript = "async () => { " + OpenStore + """
        const rows = await all('manifests');
        return JSON.stringify(rows.map((r) => ({ port: r.port, expiresAt: r.expiresAt, data: new TextDecoder().decode(r.data) })));
        }
        """;

    private const string StoredCountScript = "async () => { " + OpenStore + """
        return `${(await all('manifests')).length} manifests, ${(await all('keys')).length} keys`;
        }
        """;

    /// <summary>The check-in page signed in as the officer, the keys downloaded, then the network gone.</summary>
    private static async Task<IPage> OfflineCheckIn(IBrowserContext context, DrawnDay day)
    {
        var page = await DrawnDay.SignedInPage(context, DrawnDay.Officer);
        // The script takes today's date at the port from the device's clock; the device agrees with the server.
        await page.Clock.SetFixedTimeAsync(day.Clock.GetUtcNow().UtcDateTime);
        await page.RunAndWaitForResponseAsync(
            () => page.GotoAsync("/Officer/CheckIn"),
            response => response.Url.EndsWith("/.well-known/puente-keys.json", StringComparison.Ordinal) && response.Ok);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Registro de pases", Level = 1 })).ToBeVisibleAsync();

        await context.SetOfflineAsync(true);
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Sin conexión" }))
            .ToHaveTextAsync("Sin conexión: la firma se verifica en este dispositivo.");
        return page;
    }

    private static async Task Verify(IPage page, string pass)
    {
        await page.GetByLabel("Texto del pase").FillAsync(pass);
        await page.GetByRole(AriaRole.Button, new() { Name = "Verificar en este dispositivo" }).ClickAsync();
    }

    private static async Task AssertRefusedAndNothingQueued(IPage page, string pass, string error)
    {
        var pendingBefore = await Pending(page).CountAsync();
        var queueBefore = await StoredQueue(page);

        await Verify(page, pass);

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(error);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Registrar provisionalmente" })).ToBeHiddenAsync();
        await Assertions.Expect(Pending(page)).ToHaveCountAsync(pendingBefore);
        Assert.Equal(queueBefore, await StoredQueue(page));
    }

    /// <summary>The provisional check-ins waiting for the connection, as the officer sees them.</summary>
    private static ILocator Pending(IPage page) =>
        page.GetByRole(AriaRole.List, new() { Name = "Pendientes de sincronizar" }).GetByRole(AriaRole.Listitem);

    /// <summary>The queue the script sends when the connection returns, as this device stores it.</summary>
    private static Task<string?> StoredQueue(IPage page) =>
        page.EvaluateAsync<string?>("key => localStorage.getItem(key)", QueueKey);

    /// <summary>The pass with its signature's s replaced by n - s: the same signature to the curve, not canonical.</summary>
    private static string WithHighS(string pass)
    {
        var order = System.Numerics.BigInteger.Parse(
            "0FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);
        var parts = pass.Split('.');
        var signature = Base64Url.DecodeFromChars(parts[2]);
        var s = new System.Numerics.BigInteger(signature.AsSpan(32), isUnsigned: true, isBigEndian: true);
        var high = (order - s).ToByteArray(isUnsigned: true, isBigEndian: true);
        Array.Clear(signature, 32, 32);
        high.CopyTo(signature, 64 - high.Length);
        return $"{parts[0]}.{parts[1]}.{Base64Url.EncodeToString(signature)}";
    }

    /// <summary>The pass with one character of its signed payload changed: the first traveller born ten years later.</summary>
    private static string WithOneCharacterChanged(string pass)
    {
        var parts = pass.Split('.');
        var payload = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[1]));
        var altered = payload.Replace(",1979]", ",1989]", StringComparison.Ordinal);
        Assert.NotEqual(payload, altered);
        return $"{parts[0]}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(altered))}.{parts[2]}";
    }
}
