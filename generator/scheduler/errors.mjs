// Errors cross the thread boundary as plain data and are rebuilt as the same classes on the other side.
export function serialiseError(error) {
  if (error && typeof error === 'object') {
    return { name: error.name, message: error.message, stack: error.stack, place: error.place, problem: error.problem };
  }
  return { name: 'Error', message: String(error) };
}
