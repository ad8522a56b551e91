// Nothing to do now: this action exists for its post step (see action.yml).
console.log('port-guard e2e: the after-post check runs after every port-guard post step');
