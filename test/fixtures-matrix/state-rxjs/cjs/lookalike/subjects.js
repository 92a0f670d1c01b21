// The project's own subject, named like RxJS's.
class BehaviorSubject {
  constructor(value) {
    this.value = value;
  }

  getValue() {
    return this.value;
  }
}
module.exports = { BehaviorSubject };
