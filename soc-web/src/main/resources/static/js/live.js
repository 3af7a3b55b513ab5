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
          // keep the analyst's selection for bulk triage across refreshes
          const selected = new Set(Array.from(rows.querySelectorAll('input.select-alert:checked'), box => box.value));
          rows.innerHTML = fresh.innerHTML;
          rows.querySelectorAll('input.select-alert').forEach(box => { box.checked = selected.has(box.value); });
        }
      }
    } catch (e) {
      // offline for a moment: try again at the next tick
    }
  }
  setInterval(refresh, 2000);
})();

// "select all" for bulk triage
(function () {
  const all = document.getElementById('select-all');
  if (all) {
    all.addEventListener('change', () => document.querySelectorAll('input.select-alert')
        .forEach(box => { box.checked = all.checked; }));
  }
})();
