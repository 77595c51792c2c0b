/**
 * The OpenAPI `format`s the apiserver checks in custom resources.
 *
 * @module
 */
import { Base64Bytes, DateTime } from '../../api/codec/index.js';

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const HOSTNAME =
  /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*$/i;

function isDate(value: string): boolean {
  const match = DATE.exec(value);
  if (match === null) {
    return false;
  }
  const [year, month, day] = match.slice(1).map(Number);
  if (year === undefined || month === undefined || day === undefined) {
    return false;
  }
  return (
    month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate()
  );
}

const STRING_FORMATS: ReadonlyMap<string, (value: string) => boolean> = new Map([
  ['date-time', (value: string) => DateTime.is(value)],
  ['datetime', (value: string) => DateTime.is(value)],
  ['date', isDate],
  ['byte', (value: string) => Base64Bytes.is(value)],
  ['uuid', (value: string) => UUID.test(value)],
  ['ipv4', (value: string) => IPV4.test(value)],
  ['hostname', (value: string) => HOSTNAME.test(value)],
]);

/**
 * Whether `value` has the `format` a schema names: `int32` and `int64` bound
 * integers (`int64` to the safe integers, as `JSON.parse` gives no more); `date-time`,
 * `date`, `byte`, `uuid`, `ipv4` and `hostname` check strings. Formats not known here
 * (`password`, `float`, `double`...) and formats of another type's value accept it.
 */
export function hasFormat(value: unknown, format: string): boolean {
  if (typeof value === 'number') {
    switch (format) {
      case 'int32':
        return Number.isInteger(value) && value >= INT32_MIN && value <= INT32_MAX;
      case 'int64':
        return Number.isSafeInteger(value);
      default:
        return true;
    }
  }
  if (typeof value === 'string') {
    return STRING_FORMATS.get(format)?.(value) ?? true;
  }
  return true;
}
