/**
 * A Map from row ids to values, kept in an array: database ids are small positive integers,
 * and an array index costs a fraction of a Map lookup (V8 keeps a sparse array as a
 * dictionary, so any id still works). Entries come back in the order they were first set,
 * as a Map's do (ids that are no array index — never a database id — after the others).
 */
export class IdTable<T> {
  private readonly byId: Array<T | undefined> = [];
  private readonly order: number[] = [];
  private readonly other = new Map<number, T>();

  get(id: number): T | undefined {
    return isIndex(id) ? this.byId[id] : this.other.get(id);
  }

  set(id: number, value: T): void {
    if (!isIndex(id)) this.other.set(id, value);
    else {
      if (this.byId[id] === undefined) this.order.push(id);
      this.byId[id] = value;
    }
  }

  *entries(): Generator<[number, T]> {
    for (const id of this.order) yield [id, this.byId[id]!];
    yield* this.other;
  }
}

const isIndex = (id: number) => Number.isInteger(id) && id >= 0 && id < 2 ** 32 - 1;
