<html><body>not TypeScript</body></html>
