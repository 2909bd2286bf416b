// Progressive: without JavaScript the page is still cached privately by the browser and can be downloaded.
if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/pass-sw.js", { scope: "/Appointments" }).catch(() => { });
}
