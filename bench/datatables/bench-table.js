// The plain DataTables 2 page the bench compares the app with: the same rows (fetched from ?rows=<url>,
// an array of arrays), client-side processing with deferRender, DataTables' own search box.
// window.benchReady resolves with the DataTable once the first page of rows is drawn.
/* global $, DataTable */
const COLUMNS = [
  'Hash',
  'Package',
  'Version',
  'Compiler',
  'OS',
  'Target',
  'Platform',
  'Variants',
  'Stacks',
  'Tag',
];

window.benchReady = (async () => {
  const url = new URLSearchParams(location.search).get('rows');
  const rows = await (await fetch(url)).json();
  return new Promise((resolve) => {
    const table = new DataTable('#specs', {
      data: rows,
      columns: COLUMNS.map((title) => ({ title })),
      deferRender: true,
      pageLength: 50,
      initComplete() {
        document.getElementById('status').textContent = `${rows.length} rows`;
        // Taken once the next frame is painted, as in the app's page (bench/in-page.ts).
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            channel.port1.close();
            window.firstRowsAt = performance.now();
            resolve(table);
          };
          channel.port2.postMessage(null);
        });
      },
    });
  });
})();
