"""Parameter groups: each declares its parameters and reads them back into core inputs."""
