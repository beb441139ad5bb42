function load( {
  return fetch('/a');
}
