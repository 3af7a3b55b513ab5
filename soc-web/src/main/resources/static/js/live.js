// Live queue: re-fetch the rows fragment every few seconds while the first page is shown.
(function () {
  const rows = document.getElementById('alert-rows');
  if (!rows || !rows.dataset.refresh) {
    return;
  }
  const url = rows.dataset.refresh;
  async function refresh() {
    try {
      const response = await fetch(url, {headers: {'Accept': 'text/html'}, credentials: 'same-origin'});
      if (response.ok && !response.redirected) {
        const html = await response.text();
        const template = document.createElement('template');
        template.innerHTML = '<table>' + html + '</table>';
        const fresh = template.content.querySelector('tbody');
        if (fresh) {
          rows.innerHTML = fresh.innerHTML;
        }
      }
    } catch (e) {
      // offline for a moment: try again at the next tick
    }
  }
  setInterval(refresh, 2000);
})();
