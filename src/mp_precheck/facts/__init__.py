"""Facts: what each file version uses (the model), extracted once per git blob, cached, and looked up across the app."""
