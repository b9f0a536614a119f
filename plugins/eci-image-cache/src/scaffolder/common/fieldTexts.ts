/** The field's label and description as the template writes them (ui:title wins over title). */
export function fieldTexts(
  schema: { title?: string; description?: string },
  uiSchema: { 'ui:title'?: string; 'ui:description'?: string } | undefined,
  fallbackLabel: string,
): { label: string; description?: string } {
  return {
    label: uiSchema?.['ui:title'] ?? schema.title ?? fallbackLabel,
    description: uiSchema?.['ui:description'] ?? schema.description,
  };
}
