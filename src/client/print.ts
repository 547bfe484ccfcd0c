/** Shows the "Print this page" buttons, which need JavaScript; the browser's own Print works anyway. */
for (const button of document.querySelectorAll<HTMLButtonElement>("button[data-print]")) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}
