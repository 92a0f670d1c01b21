// The project's own subject, named like RxJS's.
export class BehaviorSubject<T> {
  constructor(public value: T) {}

  getValue(): T {
    return this.value;
  }
}
