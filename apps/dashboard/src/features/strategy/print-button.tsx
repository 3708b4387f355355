/** Prints the page with the print stylesheet: no navigation or buttons, cards kept whole, charts at page width. */
export function PrintButton() {
  return (
    <button type="button" className="button button--secondary no-print" onClick={() => window.print()}>
      Print
    </button>
  );
}
