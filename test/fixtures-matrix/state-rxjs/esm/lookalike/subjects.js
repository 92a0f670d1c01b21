// The project's own subject, named like RxJS's.
export class BehaviorSubject {
  constructor(value) {
    this.value = value;
  }

  getValue() {
    return this.value;
  }
}
