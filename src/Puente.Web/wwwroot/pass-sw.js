// Keeps the applicant's pass page for when there is no signal: each time the page loads with a
// network it is stored; without one, the stored copy is shown. A signed-out answer clears it, so a
// shared phone does not keep showing someone else's pass.
const CACHE = "puente-pass-v1";

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", event => event.waitUntil(self.clients.claim()));

self.addEventListener("fetch", event => {
    const request = event.request;
    const url = new URL(request.url);
    if (request.method !== "GET" || url.origin !== self.location.origin) {
        return;
    }
    const page = url.pathname === "/Appointments";
    if (!page && !url.pathname.startsWith("/css/")) {
        return;
    }
    event.respondWith(fetch(request).then(async response => {
        const cache = await caches.open(CACHE);
        if (page && (response.redirected || !response.ok)) {
            await cache.delete(url.pathname);
        } else if (response.ok) {
            await cache.put(page ? url.pathname : request, response.clone());
        }
        return response;
    }).catch(async () => {
        const cache = await caches.open(CACHE);
        return (await cache.match(page ? url.pathname : request)) || Response.error();
    }));
});
