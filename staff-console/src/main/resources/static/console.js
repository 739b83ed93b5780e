// Two behaviours, kept out of the pages so the Content-Security-Policy can forbid inline script:
// forms that ask before they act, and the overview's figures refreshing themselves.
document.addEventListener('submit', event => {
  const question = event.target.getAttribute('data-confirm');
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});

document.addEventListener('DOMContentLoaded', () => {
  const table = document.getElementById('overview');
  if (!table) {
    return;
  }
  const every = Number(table.dataset.refreshMillis) || 2000;
  const asOf = document.getElementById('as-of');
  const show = (cell, value) => {
    const text = String(value);
    if (cell && cell.textContent !== text) {
      cell.textContent = text;
      cell.classList.add('changed');
      setTimeout(() => cell.classList.remove('changed'), 1500);
    }
  };
  const refresh = async () => {
    try {
      const response = await fetch('api/overview', { headers: { Accept: 'application/json' }, cache: 'no-store' });
      if (response.status === 401) {
        window.location.reload();
        return;
      }
      const overview = await response.json();
      for (const group of overview.groups) {
        group.cohorts.forEach((cohort, index) => {
          const row = table.querySelector(`tr[data-group="${group.groupId}"][data-cohort="${cohort.cohortId}"]`);
          if (!row) {
            return;
          }
          for (const field of ['capacity', 'held', 'confirmed', 'free']) {
            show(row.querySelector(`[data-field="${field}"]`), cohort[field]);
          }
          if (index === 0) {
            show(row.querySelector('[data-field="waitlist"]'), group.waitlistLength);
          }
        });
      }
      asOf.textContent = 'Updated ' + new Date().toLocaleTimeString();
    } catch (unreachable) {
      asOf.textContent = 'Cannot reach the console; retrying.';
    }
  };
  setInterval(refresh, every);
});
