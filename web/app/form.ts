/**
 * @module
 * The address form: the field first, then the optional questions that shape the
 * recommendation, and whether to test the servers live.
 */
import { suggestProviders } from '../lib/api.ts'
import { h } from '../lib/dom.ts'
import type { Translate } from '../lib/messages.ts'
import type { Needs } from '../../src/model/domain.ts'
import { browserTimeZone, regionFromTimeZone } from '../lib/region.ts'
import type { Region } from '../lib/types.ts'

export interface FormValues {
  email: string
  needs: Needs
  probe: boolean
  region: Region
  /** True once the user picked an answer; until then `region` is the time zone's default. */
  regionAnswered: boolean
}

export const emptyForm = (): FormValues => ({
  email: '',
  needs: {},
  probe: true,
  region: regionFromTimeZone(),
  regionAnswered: false,
})

/**
 * What the diagnosis is told about the region: the answer when the user gave one, and always the
 * browser's time zone (the service takes its default from it and says so).
 *
 * @example
 * regionInput(emptyForm()) // { timeZone: 'Europe/Berlin' }
 */
export const regionInput = (v: FormValues): { region?: Region; timeZone?: string } => {
  const timeZone = browserTimeZone()
  return {
    ...(v.regionAnswered ? { region: v.region } : {}),
    ...(timeZone ? { timeZone } : {}),
  }
}

const checkbox = (name: string, label: string, checked: boolean) =>
  h('label', { class: 'check' }, h('input', { type: 'checkbox', name, checked }), ' ', label)

const radio = (value: string, label: string, checked: boolean, name = 'devices') =>
  h('label', { class: 'check' }, h('input', { type: 'radio', name, value, checked }), ' ', label)

export const createForm = (
  t: Translate,
  base: string,
  values: FormValues,
  onSubmit: (v: FormValues) => void,
) => {
  const error = h('p', { class: 'field-error', id: 'email-error', role: 'alert', hidden: true })
  const input = h('input', {
    type: 'email',
    name: 'email',
    id: 'email',
    autocomplete: 'email',
    inputmode: 'email',
    spellcheck: 'false',
    autocapitalize: 'off',
    required: true,
    placeholder: 'name@example.com',
    list: 'email-suggestions',
    'aria-describedby': 'email-help email-error',
    value: values.email,
  })
  const datalist = h('datalist', { id: 'email-suggestions' })
  const button = h('button', { type: 'submit', class: 'primary' }, t('form.submit'))
  const devices = values.needs.devices
  const needsOpen = Object.keys(values.needs).length > 0
  const form = h(
    'form',
    { class: 'lookup', novalidate: true, 'aria-labelledby': 'form-heading' },
    h('label', { for: 'email', class: 'field-label' }, t('form.email')),
    h('div', { class: 'field-row' }, input, button),
    datalist,
    h('p', { class: 'help', id: 'email-help' }, t('form.emailHelp')),
    error,
    h(
      'details',
      { class: 'needs', open: needsOpen },
      h('summary', {}, t('form.needs')),
      h(
        'fieldset',
        {},
        h('legend', {}, t('form.devices')),
        radio('', t('form.devicesUnknown'), !devices),
        radio('one', t('form.devicesOne'), devices === 'one'),
        radio('several', t('form.devicesSeveral'), devices === 'several'),
      ),
      h(
        'fieldset',
        {},
        h('legend', {}, t('form.region')),
        radio('cn', t('form.regionCn'), values.region === 'cn', 'region'),
        radio('intl', t('form.regionIntl'), values.region === 'intl', 'region'),
        h(
          'p',
          { class: 'help', id: 'region-help' },
          t(values.regionAnswered ? 'form.regionAnswered' : 'form.regionDefault'),
        ),
      ),
      h(
        'div',
        { class: 'checks' },
        checkbox('keepOnServer', t('form.keepOnServer'), values.needs.keepOnServer === true),
        checkbox('offline', t('form.offline'), values.needs.offline === true),
        checkbox(
          'serverQuotaSmall',
          t('form.serverQuotaSmall'),
          values.needs.serverQuotaSmall === true,
        ),
      ),
    ),
    checkbox('probe', t('form.probe'), values.probe),
  )

  const read = (): FormValues => {
    const data = new FormData(form)
    const needs: Needs = {}
    const d = data.get('devices')
    if (d === 'one' || d === 'several') needs.devices = d
    for (const key of ['keepOnServer', 'offline', 'serverQuotaSmall'] as const)
      if (data.get(key)) needs[key] = true
    return {
      email: String(data.get('email') ?? '').trim(),
      needs,
      probe: data.get('probe') !== null,
      region: data.get('region') === 'cn' ? 'cn' : 'intl',
      regionAnswered,
    }
  }
  let regionAnswered = values.regionAnswered
  form.addEventListener('change', (event) => {
    if (event.target instanceof HTMLInputElement && event.target.name === 'region')
      regionAnswered = true
  })

  // Suggestions once the domain part starts: "ann@16" offers ann@163.com, ann@126.com …
  let timer: ReturnType<typeof setTimeout> | undefined
  let controller: AbortController | null = null
  input.addEventListener('input', () => {
    clearTimeout(timer)
    const value = input.value
    const at = value.lastIndexOf('@')
    if (at < 1 || value.length - at < 2) return
    timer = setTimeout(async () => {
      controller?.abort()
      controller = new AbortController()
      try {
        const found = await suggestProviders(base, value.slice(at + 1), controller.signal)
        const local = value.slice(0, at)
        datalist.replaceChildren(
          ...found
            .flatMap((p) => p.domains.slice(0, 2))
            .slice(0, 8)
            .map((d) => h('option', { value: `${local}@${d}` })),
        )
      } catch {
        // suggestions are optional
      }
    }, 200)
  })

  form.addEventListener('submit', (event) => {
    event.preventDefault()
    onSubmit(read())
  })

  return {
    form,
    input,
    read,
    setBusy(busy: boolean) {
      button.textContent = busy ? t('form.busy') : t('form.submit')
      form.setAttribute('aria-busy', String(busy))
    },
    setError(text: string | null) {
      error.hidden = text === null
      error.textContent = text ?? ''
      if (text === null) input.removeAttribute('aria-invalid')
      else input.setAttribute('aria-invalid', 'true')
    },
  }
}
