/**
 * @module
 * Copy to the clipboard: the async Clipboard API, else a hidden textarea and execCommand
 * (http:// origins other than localhost have no navigator.clipboard).
 */

export const copyText = async (text: string, root: Node = document.body): Promise<boolean> => {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text)
      return true
    }
  } catch {
    // fall through to the old way
  }
  const area = document.createElement('textarea')
  area.value = text
  area.setAttribute('readonly', '')
  area.style.position = 'fixed'
  area.style.opacity = '0'
  root.appendChild(area)
  area.select()
  try {
    return document.execCommand('copy')
  } catch {
    return false
  } finally {
    area.remove()
  }
}
