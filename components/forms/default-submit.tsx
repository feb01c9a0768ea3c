/**
 * The form's default button: Enter in a text field "clicks" the first submit button in the form,
 * which in a form with rows would otherwise be a row's Remove (or Add). Hidden and out of the tab
 * order; it only makes Enter save.
 */
export function DefaultSubmit() {
  return <button type="submit" hidden tabIndex={-1} aria-hidden="true" />;
}
